package dev.agentcron.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} application at this JVM's {@link TestInfra}: its own database (migrated
 * at start) and its own Redis key prefix.
 */
public class AgentcronTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestInfra infra = TestInfra.get();
        return Map.of(
                "quarkus.datasource.jdbc.url", infra.jdbcUrl(),
                "quarkus.datasource.reactive.url", infra.reactiveUrl(),
                "quarkus.datasource.username", infra.pgUser(),
                "quarkus.datasource.password", "postgres",
                "quarkus.redis.hosts", infra.redisUrl(),
                "agentcron.redis.key-prefix", infra.keyPrefix(),
                "quarkus.flyway.migrate-at-start", "true");
    }

    @Override
    public void stop() {
        // The database and any embedded server live until the JVM exits: later test classes reuse them.
    }
}
