package dev.agentcron.model.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How both services name and spread their Redis keys. */
@ConfigMapping(prefix = "agentcron.redis")
public interface RedisSettings {

    /** Every key starts with this prefix, so several installations (or test runs) can share one Redis. */
    @WithDefault("agentcron")
    String keyPrefix();

    /** Number of queue partitions; each partition's keys share one Redis Cluster hash slot. */
    @WithDefault("1")
    int partitions();
}
