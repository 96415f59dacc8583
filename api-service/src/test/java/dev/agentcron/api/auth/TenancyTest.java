package dev.agentcron.api.auth;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.agentcron.api.support.TestTenant;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TenancyTest {

    @Test
    void anotherWorkspacesAgentIsNotFoundAndInvisible() {
        TestTenant owner = TestTenant.create("tenancy-owner");
        TestTenant stranger = TestTenant.create("tenancy-stranger");
        String id = owner.as()
                .body(
                        "{\"name\": \"Private agent\", \"slug\": \"private-agent\", \"prompt\": \"p\", \"schedule\": \"0 9 * * *\"}")
                .post("/api/v1/agents")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        String scheduleId =
                owner.as().get("/api/v1/agents/" + id).then().extract().path("data.schedule.id");
        for (String ref : new String[] {id, "private-agent"}) {
            stranger.as().get("/api/v1/agents/" + ref).then().statusCode(404).body("status", equalTo(404));
            stranger.as()
                    .body("{\"name\": \"Stolen\"}")
                    .patch("/api/v1/agents/" + ref)
                    .then()
                    .statusCode(404);
            stranger.as().post("/api/v1/agents/" + ref + "/pause").then().statusCode(404);
            stranger.as().delete("/api/v1/agents/" + ref).then().statusCode(404);
            stranger.as().get("/api/v1/agents/" + ref + "/schedules").then().statusCode(404);
            stranger.as()
                    .get("/api/v1/agents/" + ref + "/schedules/" + scheduleId)
                    .then()
                    .statusCode(404);
            stranger.as()
                    .delete("/api/v1/agents/" + ref + "/schedules/" + scheduleId)
                    .then()
                    .statusCode(404);
        }
        stranger.as()
                .get("/api/v1/agents")
                .then()
                .statusCode(200)
                .body("data.id", not(hasItem(id)))
                .body("meta.total", equalTo(0));
        stranger.as()
                .queryParam("name", "Private agent")
                .get("/api/v1/agents/check-name")
                .then()
                .body("data.available", equalTo(true));
        owner.as()
                .get("/api/v1/agents/private-agent")
                .then()
                .statusCode(200)
                .body("data.name", equalTo("Private agent"));
        owner.as()
                .get("/api/v1/agents/" + id + "/schedules")
                .then()
                .statusCode(200)
                .body("data[0].id", equalTo(scheduleId));
    }
}
