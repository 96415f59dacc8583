package dev.agentcron.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcron.api.support.Sql;
import dev.agentcron.api.support.TestTenant;
import dev.agentcron.model.queue.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(TightLimitsProfile.class)
class TightLimitsTest {

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    RedisKeys keys;

    @Test
    void anEmptyBucketIsA429WithRetryAfterAndRateLimitHeaders() {
        TestTenant tenant = TestTenant.create("rate-limit");
        String key = tenant.key("burster", "agents:read");
        List<Response> responses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            responses.add(TestTenant.as(key).get("/api/v1/agents"));
        }
        assertThat(responses.get(0).statusCode()).isEqualTo(200);
        assertThat(responses.get(0).header("RateLimit-Limit")).isEqualTo("5");
        Response limited = responses.stream()
                .filter(r -> r.statusCode() == 429)
                .findFirst()
                .orElseThrow();
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.jsonPath().getString("type")).isEqualTo("https://agentcron.dev/problems/rate-limited");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 2);
        assertThat(limited.header("RateLimit-Limit")).isEqualTo("5");
        assertThat(limited.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(Integer.parseInt(limited.header("RateLimit-Reset"))).isBetween(1, 6);
        // other keys have their own bucket
        tenant.as().get("/api/v1/agents").then().statusCode(200);
    }

    @Test
    void aRevocationBroadcastDropsACachedKeyAtOnce() {
        TestTenant tenant = TestTenant.create("broadcast");
        String secret = tenant.key("broadcast-me", "agents:read");
        TestTenant.as(secret).get("/api/v1/agents").then().statusCode(200);
        String id = tenant.as().get("/api/v1/keys").then().extract().path("data.find { it.name == 'broadcast-me' }.id");
        // revoked by another replica: PostgreSQL knows, this replica's cache (TTL 1 h here) does not
        Sql.exec("UPDATE api_keys SET revoked_at = now() WHERE id = '" + id + "'");
        TestTenant.as(secret).get("/api/v1/agents").then().statusCode(200);
        // ...until that replica's broadcast arrives
        redis.pubsub(String.class).publish(keys.keyRevocations(), id).await().atMost(Duration.ofSeconds(5));
        Awaitility.await()
                .atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> TestTenant.as(secret).get("/api/v1/agents").statusCode() == 401);
    }
}
