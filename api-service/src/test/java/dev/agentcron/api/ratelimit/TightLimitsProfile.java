package dev.agentcron.api.ratelimit;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A tiny rate limit, and a key cache that only a revocation broadcast can clear. */
public class TightLimitsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "agentcron.rate-limit.per-second", "1",
                "agentcron.rate-limit.burst", "5",
                "agentcron.auth.cache-ttl", "1h");
    }
}
