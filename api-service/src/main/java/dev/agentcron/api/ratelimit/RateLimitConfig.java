package dev.agentcron.api.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The per-API-key request rate limit (a token bucket in Redis shared by every replica). */
@ConfigMapping(prefix = "agentcron.rate-limit")
public interface RateLimitConfig {

    /** Requests per second a key may sustain (the bucket's refill rate). */
    @WithDefault("50")
    double perSecond();

    /** Requests a key may send at once after being idle (the bucket's capacity). */
    @WithDefault("100")
    int burst();
}
