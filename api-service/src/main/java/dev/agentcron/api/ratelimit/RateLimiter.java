package dev.agentcron.api.ratelimit;

import dev.agentcron.model.queue.RedisKeys;
import dev.agentcron.model.queue.RedisScripts;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Takes one request from an API key's token bucket ({@code lua/rate_limit.lua}). */
@ApplicationScoped
public class RateLimiter {

    private final RedisScripts scripts;
    private final RedisKeys keys;
    private final RateLimitConfig config;

    public RateLimiter(RedisScripts scripts, RedisKeys keys, RateLimitConfig config) {
        this.scripts = scripts;
        this.keys = keys;
        this.config = config;
    }

    /** The outcome of one request against a key's bucket. */
    public record Decision(boolean allowed, int limit, long remaining, long retryAfterSeconds, long resetSeconds) {}

    public Uni<Decision> take(String apiKeyId) {
        return scripts.run(
                        "rate_limit",
                        List.of(keys.rateLimit(apiKeyId)),
                        List.of(Double.toString(config.perSecond()), Integer.toString(config.burst())))
                .map(this::decision);
    }

    private Decision decision(Response reply) {
        boolean allowed = reply.get(0).toLong() == 1;
        long remaining = reply.get(1).toLong();
        long waitMs = reply.get(2).toLong();
        long fullMs = reply.get(3).toLong();
        return new Decision(allowed, config.burst(), remaining, Math.max(1, ceilSeconds(waitMs)), ceilSeconds(fullMs));
    }

    private static long ceilSeconds(long millis) {
        return (millis + 999) / 1000;
    }
}
