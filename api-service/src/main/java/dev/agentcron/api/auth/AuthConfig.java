package dev.agentcron.api.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How API keys are checked. */
@ConfigMapping(prefix = "agentcron.auth")
public interface AuthConfig {

    /** How long a replica trusts a looked-up key before asking PostgreSQL again (bounds revocation delay). */
    @WithDefault("3s")
    Duration cacheTtl();

    /** Keys cached at most; expired entries are dropped when the cache is full. */
    @WithDefault("10000")
    int cacheSize();

    /** {@code last_used_at} is written at most once per this interval and key. */
    @WithDefault("60s")
    Duration lastUsedInterval();
}
