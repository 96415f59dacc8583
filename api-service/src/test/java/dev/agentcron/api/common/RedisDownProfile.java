package dev.agentcron.api.common;

import dev.agentcron.testsupport.TestInfra;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Redis is unreachable (nothing listens on the port); PostgreSQL is fine. */
public class RedisDownProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + TestInfra.freePort());
    }
}
