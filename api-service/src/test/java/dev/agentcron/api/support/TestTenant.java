package dev.agentcron.api.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh workspace and an admin key (every scope but {@code workspaces:admin}) for one test class,
 * created through the bootstrap key of the test configuration, so tests never see each other's data.
 */
public record TestTenant(String workspaceId, String adminKey) {

    public static final String BOOTSTRAP_KEY = "test-bootstrap-key-0123456789abcdef";
    public static final List<String> TENANT_SCOPES =
            List.of("agents:read", "agents:write", "events:write", "keys:admin");

    /** A new workspace named after the test and its admin key. */
    public static TestTenant create(String label) {
        String workspaceId = given().auth()
                .oauth2(BOOTSTRAP_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("name", label + " " + UUID.randomUUID()))
                .post("/api/v1/workspaces")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        String key = createKey(BOOTSTRAP_KEY, workspaceId, "admin", TENANT_SCOPES);
        return new TestTenant(workspaceId, key);
    }

    /** Another key of this workspace with the given scopes. */
    public String key(String name, String... scopes) {
        return createKey(adminKey, null, name, List.of(scopes));
    }

    /** A request authenticated with the admin key. */
    public RequestSpecification as() {
        return given().auth().oauth2(adminKey).contentType(ContentType.JSON);
    }

    /** A request authenticated with the given key. */
    public static RequestSpecification as(String key) {
        return given().auth().oauth2(key).contentType(ContentType.JSON);
    }

    private static String createKey(String asKey, String workspaceId, String name, List<String> scopes) {
        Map<String, Object> body = workspaceId == null
                ? Map.of("name", name, "scopes", scopes)
                : Map.of("name", name, "scopes", scopes, "workspace_id", workspaceId);
        return given().auth()
                .oauth2(asKey)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("data.key");
    }
}
