package dev.agentcron.api.key;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.agentcron.api.support.Sql;
import dev.agentcron.api.support.TestTenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiKeysResourceTest {

    static TestTenant tenant;

    @BeforeEach
    void tenant() {
        if (tenant == null) {
            tenant = TestTenant.create("keys");
        }
    }

    @Test
    void createsAKeyWhoseSecretIsShownOnceAndStoredAsAHash() {
        JsonPath created = tenant.as()
                .body(Map.of("name", "ci-bot", "scopes", List.of("agents:read", "agents:write")))
                .post("/api/v1/keys")
                .then()
                .statusCode(201)
                .body("data.workspace_id", equalTo(tenant.workspaceId()))
                .body("data.scopes", containsInAnyOrder("agents:read", "agents:write"))
                .extract()
                .jsonPath();
        String secret = created.getString("data.key");
        assertThat(secret).matches("ac_[0-9A-Za-z]{40}");
        assertThat(Sql.query("SELECT key_hash FROM api_keys WHERE id = '" + created.getString("data.id") + "'"))
                .isEqualTo(sha256(secret))
                .doesNotContain(secret);
        tenant.as()
                .get("/api/v1/keys")
                .then()
                .statusCode(200)
                .body("data", everyItem(not(hasKey("key"))))
                .body("data.find { it.name == 'ci-bot' }.prefix", equalTo(secret.substring(0, 11)))
                .body("data.find { it.name == 'ci-bot' }.revoked_at", equalTo(null));
        TestTenant.as(secret).get("/api/v1/agents").then().statusCode(200);
        TestTenant.as(secret)
                .header("X-API-Key", secret)
                .get("/api/v1/agents")
                .then()
                .statusCode(200);
        given().header("X-API-Key", secret).get("/api/v1/agents").then().statusCode(200);
    }

    @Test
    void recordsLastUse() {
        String secret = tenant.key("used", "agents:read");
        TestTenant.as(secret).get("/api/v1/agents").then().statusCode(200);
        tenant.as().get("/api/v1/keys").then().body("data.find { it.name == 'used' }.last_used_at", notNullValue());
    }

    @Test
    void rejectsUnknownScopesAndEmptyNames() {
        tenant.as()
                .body(Map.of("name", "", "scopes", List.of("agents:read", "root")))
                .post("/api/v1/keys")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("name", "scopes[1]"));
        tenant.as()
                .body(Map.of("name", "none", "scopes", List.of()))
                .post("/api/v1/keys")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("scopes"));
    }

    @Test
    void onlyWorkspaceAdminsCreateKeysInOtherWorkspaces() {
        TestTenant other = TestTenant.create("keys-other");
        tenant.as()
                .body(Map.of("name", "intruder", "scopes", List.of("agents:read"), "workspace_id", other.workspaceId()))
                .post("/api/v1/keys")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTenant.BOOTSTRAP_KEY)
                .contentType("application/json")
                .body(Map.of(
                        "name", "delegated", "scopes", List.of("agents:read"), "workspace_id", other.workspaceId()))
                .post("/api/v1/keys")
                .then()
                .statusCode(201)
                .body("data.workspace_id", equalTo(other.workspaceId()));
        other.as().get("/api/v1/keys").then().body("data.name", org.hamcrest.Matchers.hasItem("delegated"));
        tenant.as().get("/api/v1/keys").then().body("data.name", not(org.hamcrest.Matchers.hasItem("delegated")));
    }

    @Test
    void keysAdminScopeIsRequired() {
        String reader = tenant.key("reader-only", "agents:read");
        TestTenant.as(reader)
                .get("/api/v1/keys")
                .then()
                .statusCode(403)
                .body("type", equalTo("https://agentcron.dev/problems/forbidden"));
        TestTenant.as(reader)
                .body(Map.of("name", "x", "scopes", List.of("agents:read")))
                .post("/api/v1/keys")
                .then()
                .statusCode(403);
    }

    @Test
    void revokingAKeyOfAnotherWorkspaceIsNotFound() {
        TestTenant other = TestTenant.create("keys-revoke-other");
        String otherKeyId = other.as().get("/api/v1/keys").then().extract().path("data[0].id");
        tenant.as().delete("/api/v1/keys/" + otherKeyId).then().statusCode(404);
        TestTenant.as(other.adminKey()).get("/api/v1/agents").then().statusCode(200);
    }

    static String sha256(String value) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
