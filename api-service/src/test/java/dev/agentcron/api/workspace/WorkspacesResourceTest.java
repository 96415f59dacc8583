package dev.agentcron.api.workspace;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import dev.agentcron.api.support.TestTenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WorkspacesResourceTest {

    static io.restassured.specification.RequestSpecification asAdmin() {
        return given().auth().oauth2(TestTenant.BOOTSTRAP_KEY).contentType(ContentType.JSON);
    }

    @Test
    void createsAndListsWorkspaces() {
        String name = "Acme " + UUID.randomUUID();
        String id = asAdmin()
                .body(Map.of("name", name))
                .post("/api/v1/workspaces")
                .then()
                .statusCode(201)
                .body("data.id", matchesPattern("wsp_[0-9A-Z]{26}"))
                .body("data.name", equalTo(name))
                .body("data.created_at", matchesPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z"))
                .extract()
                .path("data.id");
        asAdmin()
                .queryParam("limit", 200)
                .get("/api/v1/workspaces")
                .then()
                .statusCode(200)
                .body("data.id", hasItem(id));
    }

    @Test
    void aDuplicateNameIsAConflict() {
        String name = "Dup " + UUID.randomUUID();
        asAdmin().body(Map.of("name", name)).post("/api/v1/workspaces").then().statusCode(201);
        asAdmin()
                .body(Map.of("name", name.toUpperCase()))
                .post("/api/v1/workspaces")
                .then()
                .statusCode(409);
    }

    @Test
    void needsWorkspacesAdmin() {
        TestTenant tenant = TestTenant.create("workspaces");
        tenant.as().get("/api/v1/workspaces").then().statusCode(403);
        tenant.as()
                .body(Map.of("name", "nope"))
                .post("/api/v1/workspaces")
                .then()
                .statusCode(403);
        asAdmin()
                .body(Map.of("name", ""))
                .post("/api/v1/workspaces")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("name"));
    }
}
