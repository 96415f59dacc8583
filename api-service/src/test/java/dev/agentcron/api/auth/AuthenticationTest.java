package dev.agentcron.api.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.agentcron.api.support.Sql;
import dev.agentcron.api.support.TestTenant;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthenticationTest {

    @Test
    void missingOrWrongKeysAre401Problems() {
        given().get("/api/v1/agents")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("https://agentcron.dev/problems/unauthorized"))
                .body("instance", equalTo("/api/v1/agents"));
        given().auth()
                .oauth2("ac_" + "x".repeat(40))
                .get("/api/v1/agents")
                .then()
                .statusCode(401);
        given().header("X-API-Key", "not-a-key").get("/api/v1/agents").then().statusCode(401);
        given().header("Authorization", "Basic dXNlcjpwYXNz")
                .get("/api/v1/agents")
                .then()
                .statusCode(401);
    }

    @Test
    void aReadOnlyKeyCannotWrite() {
        TestTenant tenant = TestTenant.create("auth-scopes");
        String reader = tenant.key("reader", "agents:read");
        TestTenant.as(reader).get("/api/v1/agents").then().statusCode(200);
        TestTenant.as(reader)
                .body(Map.of("name", "Nope", "prompt", "p"))
                .post("/api/v1/agents")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://agentcron.dev/problems/forbidden"));
        String writer = tenant.key("writer", "agents:write");
        TestTenant.as(writer).get("/api/v1/agents").then().statusCode(403);
    }

    @Test
    void aRevokedKeyFailsAtOnceOnTheReplicaThatRevokedIt() {
        TestTenant tenant = TestTenant.create("auth-revoke");
        String secret = tenant.key("short-lived", "agents:read");
        TestTenant.as(secret).get("/api/v1/agents").then().statusCode(200);
        String id = keyId(tenant, "short-lived");
        tenant.as()
                .delete("/api/v1/keys/" + id)
                .then()
                .statusCode(200)
                .body("data.revoked_at", org.hamcrest.Matchers.notNullValue());
        TestTenant.as(secret).get("/api/v1/agents").then().statusCode(401);
    }

    @Test
    void aKeyRevokedElsewhereFailsWithinFiveSecondsThroughTheCacheTtl() {
        TestTenant tenant = TestTenant.create("auth-ttl");
        String secret = tenant.key("cached", "agents:read");
        TestTenant.as(secret).get("/api/v1/agents").then().statusCode(200);
        // another replica revoked it and its broadcast was lost: only PostgreSQL knows
        Sql.exec("UPDATE api_keys SET revoked_at = now() WHERE id = '" + keyId(tenant, "cached") + "'");
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> TestTenant.as(secret).get("/api/v1/agents").statusCode() == 401);
    }

    static String keyId(TestTenant tenant, String name) {
        return tenant.as().get("/api/v1/keys").then().extract().path("data.find { it.name == '" + name + "' }.id");
    }
}
