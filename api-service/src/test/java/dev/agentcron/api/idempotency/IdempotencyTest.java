package dev.agentcron.api.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.agentcron.api.support.TestTenant;
import dev.agentcron.model.queue.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotencyTest {

    static TestTenant tenant;

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    RedisKeys keys;

    @BeforeEach
    void tenant() {
        if (tenant == null) {
            tenant = TestTenant.create("idempotency");
        }
    }

    Response post(String key, String body) {
        return tenant.as().header("Idempotency-Key", key).body(body).post("/api/v1/agents");
    }

    @Test
    void aRetryReturnsTheFirstResponseAndCreatesNothing() {
        String body = "{\"name\": \"Once only\", \"prompt\": \"p\"}";
        Response first = post("create-once", body);
        Response again = post("create-once", body);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        tenant.as()
                .queryParam("search", "Once only")
                .get("/api/v1/agents")
                .then()
                .body("meta.total", equalTo(1));
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        post("reused", "{\"name\": \"Reused A\", \"prompt\": \"p\"}").then().statusCode(201);
        post("reused", "{\"name\": \"Reused B\", \"prompt\": \"p\"}")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://agentcron.dev/problems/idempotency-key-reused"));
        tenant.as()
                .queryParam("search", "Reused B")
                .get("/api/v1/agents")
                .then()
                .body("meta.total", equalTo(0));
    }

    @Test
    void aKeyStillInFlightIs409() {
        String keyId = tenant.as().get("/api/v1/keys").then().extract().path("data.find { it.name == 'admin' }.id");
        // another replica is processing a request with this key right now
        redis.value(String.class)
                .setex(keys.idempotency(keyId, "in-flight"), 60, "{\"fingerprint\":\"other-replica\"}")
                .await()
                .atMost(Duration.ofSeconds(5));
        post("in-flight", "{\"name\": \"In flight\", \"prompt\": \"p\"}")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://agentcron.dev/problems/idempotency-in-flight"));
    }

    @Test
    void validationAnswersAreReplayedToo() {
        Response first = post("invalid-once", "{\"name\": \"\"}");
        assertThat(first.statusCode()).isEqualTo(400);
        Response again = post("invalid-once", "{\"name\": \"\"}");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void keysAreScopedPerApiKey() {
        String body = "{\"name\": \"Per key\", \"prompt\": \"p\"}";
        post("per-key", body).then().statusCode(201);
        String otherKey = tenant.key("other-writer", "agents:write", "agents:read");
        Response other = TestTenant.as(otherKey)
                .header("Idempotency-Key", "per-key")
                .body(body)
                .post("/api/v1/agents");
        // processed afresh, not replayed: the name is taken now
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(other.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void conflictsReleaseTheKey() {
        post("conflict", "{\"name\": \"Conflicting\", \"prompt\": \"p\"}")
                .then()
                .statusCode(201);
        post("conflict-2", "{\"name\": \"Conflicting\", \"prompt\": \"p\"}")
                .then()
                .statusCode(409);
        tenant.as()
                .body("{\"name\": \"Conflicting renamed\"}")
                .patch("/api/v1/agents/"
                        + tenant.as()
                                .queryParam("search", "Conflicting")
                                .get("/api/v1/agents")
                                .then()
                                .extract()
                                .path("data[0].id"))
                .then()
                .statusCode(200);
        post("conflict-2", "{\"name\": \"Conflicting\", \"prompt\": \"p\"}")
                .then()
                .statusCode(201);
    }
}
