package dev.agentcron.api.stats.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Stats computation. */
@ConfigMapping(prefix = "agentcron.stats")
public interface StatsConfig {

    /**
     * How long a replica reuses computed stats of an agent or a workspace for the same period; concurrent
     * requests for the same figures share one computation. {@code 0s}: every request computes its own.
     */
    @WithDefault("5s")
    Duration cacheTtl();
}
