package dev.agentcron.api.event.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Event matching. */
@ConfigMapping(prefix = "agentcron.events")
public interface EventConfig {

    /**
     * Longest time a replica uses a workspace's cached topic index without rebuilding it from PostgreSQL, even
     * when the change counter in Redis says nothing changed (bounds staleness if a counter bump was lost).
     */
    @WithDefault("60s")
    Duration indexMaxAge();

    /** How long a client event id is remembered: the same id again within it returns the first answer. */
    @WithDefault("24h")
    Duration dedupWindow();
}
