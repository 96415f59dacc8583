package dev.agentcron.api.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.agentcron.api.support.Sql;
import dev.agentcron.api.support.TestTenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SchedulesResourceTest {

    static TestTenant tenant;

    @BeforeEach
    void tenant() {
        if (tenant == null) {
            tenant = TestTenant.create("schedules");
        }
    }

    static JsonPath createAgent(String body) {
        return tenant.as()
                .body(body)
                .post("/api/v1/agents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    @Test
    void aStringScheduleTakesTheBodysTimezoneAndIsNormalized() {
        JsonPath agent = createAgent(
                "{\"name\": \"NY digest\", \"prompt\": \"p\", \"schedule\": \"0 9 * * *\", \"timezone\": \"America/New_York\"}");
        assertThat(agent.getString("data.schedule.id")).startsWith("sch_");
        assertThat(agent.getString("data.schedule.kind")).isEqualTo("cron");
        assertThat(agent.getString("data.schedule.cron")).isEqualTo("0 9 * * *");
        assertThat(agent.getString("data.schedule.timezone")).isEqualTo("America/New_York");
        assertThat(agent.getInt("data.schedule.catchup_window_seconds")).isEqualTo(300);
        assertThat(agent.getList("data.schedule.next_run_times")).hasSize(5);
        assertThat(agent.getString("data.next_run_at")).isEqualTo(agent.getString("data.schedule.next_run_at"));
        assertThat(agent.getInt("data.schedule_count")).isEqualTo(1);
        assertThat(agent.getMap("data")).doesNotContainKey("timezone");
        // 09:00 in New York is 13:00 or 14:00 UTC
        assertThat(agent.getString("data.next_run_at")).matches(".*T1[34]:00:00\\.000Z");
        String stored = Sql.query(
                "SELECT next_fire_at::text FROM schedules WHERE id = '" + agent.getString("data.schedule.id") + "'");
        assertThat(stored).isNotNull();
    }

    @Test
    void invalidSchedulesNameTheirFieldWithTheOtherErrors() {
        tenant.as()
                .body("{\"name\": \"Bad times\", \"prompt\": \"p\", \"tools\": [\"x\"],"
                        + " \"schedule\": {\"kind\": \"daily\", \"times\": [\"09:00\", \"09:02\"]},"
                        + " \"behaviors\": {\"schedules\": [{\"cron\": \"*/5 * * * *\"}, {\"cron\": \"61 * * * *\"}]}}")
                .post("/api/v1/agents")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("tools[0]"))
                .body("errors.field", hasItem("schedule.times[1]"))
                .body("errors.field", hasItem(startsWith("behaviors.schedules[1].cron")));
        tenant.as()
                .body(
                        "{\"name\": \"Bad zone\", \"prompt\": \"p\", \"schedule\": \"0 9 * * *\", \"timezone\": \"Mars/Base\"}")
                .post("/api/v1/agents")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("timezone"));
    }

    @Test
    void seed004BehaviorsBecomeSchedulesWithTheEnvelopeAsInput() {
        JsonPath agent = createAgent("""
                {"name": "Health monitor", "goals": "Detect failures early", "knowledge_domain": "system-health",
                 "behaviors": {"schedules": [
                    {"cron": "*/5 * * * *", "workflow_type": "basicEcho", "envelope": {"check": "workflows"}},
                    {"cron": "0 * * * *", "envelope": {}}]}}
                """);
        assertThat(agent.getObject("data.schedule", Object.class)).isNull();
        assertThat(agent.getInt("data.schedule_count")).isEqualTo(2);
        List<String> merged = agent.getList("data.next_run_times");
        assertThat(merged).hasSize(5).isSorted();
        tenant.as()
                .get("/api/v1/agents/" + agent.getString("data.id") + "/schedules")
                .then()
                .statusCode(200)
                .body("data", hasSize(2))
                .body("data.cron", containsInAnyOrder("*/5 * * * *", "0 * * * *"))
                .body("data.find { it.cron == '*/5 * * * *' }.input.check", equalTo("workflows"))
                .body("data.find { it.cron == '*/5 * * * *' }.input.workflow_type", equalTo("basicEcho"))
                .body("data.primary", contains(false, false));
    }

    @Test
    void patchReplacesThePrimaryScheduleKeepingItsIdAndNullRemovesIt() {
        JsonPath agent = createAgent("{\"name\": \"Replaced\", \"prompt\": \"p\", \"schedule\": \"0 9 * * *\"}");
        String id = agent.getString("data.id");
        String scheduleId = agent.getString("data.schedule.id");
        tenant.as()
                .body("{\"schedule\": \"rate(30 minutes)\"}")
                .patch("/api/v1/agents/" + id)
                .then()
                .statusCode(200)
                .body("data.schedule.id", equalTo(scheduleId))
                .body("data.schedule.kind", equalTo("interval"))
                .body("data.schedule.every_minutes", equalTo(30));
        tenant.as()
                .body("{\"timezone\": \"Europe/Berlin\"}")
                .patch("/api/v1/agents/" + id)
                .then()
                .statusCode(200)
                .body("data.schedule.id", equalTo(scheduleId))
                .body("data.schedule.timezone", equalTo("Europe/Berlin"));
        tenant.as()
                .body("{\"schedule\": null}")
                .patch("/api/v1/agents/" + id)
                .then()
                .statusCode(200)
                .body("data.schedule", nullValue())
                .body("data.schedule_count", equalTo(0))
                .body("data.next_run_at", nullValue())
                .body("data.next_run_times", empty());
    }

    @Test
    void aPausedAgentHasNoNextRunButKeepsItsSchedules() {
        JsonPath agent = createAgent("{\"name\": \"Paused sched\", \"prompt\": \"p\", \"schedule\": \"*/10 * * * *\"}");
        String id = agent.getString("data.id");
        tenant.as()
                .post("/api/v1/agents/" + id + "/pause")
                .then()
                .statusCode(200)
                .body("data.next_run_at", nullValue())
                .body("data.schedule.next_run_times", hasSize(5));
        assertThat(Sql.query("SELECT next_fire_at::text FROM schedules WHERE agent_id = '" + id + "'"))
                .isNull();
        tenant.as()
                .post("/api/v1/agents/" + id + "/resume")
                .then()
                .statusCode(200)
                .body("data.next_run_times", hasSize(5));
        assertThat(Sql.query("SELECT next_fire_at::text FROM schedules WHERE agent_id = '" + id + "'"))
                .isNotNull();
    }

    @Test
    void schedulesCrud() {
        String id = createAgent("{\"name\": \"Crud\", \"slug\": \"crud-agent\", \"prompt\": \"p\"}")
                .getString("data.id");
        JsonPath created = tenant.as()
                .body(
                        "{\"kind\": \"daily\", \"times\": [\"17:00\", \"09:00\"], \"timezone\": \"Europe/Paris\", \"input\": {\"topic\": \"daily\"}}")
                .post("/api/v1/agents/crud-agent/schedules")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201)
                .body("data.kind", equalTo("daily"))
                .body("data.times", contains("09:00", "17:00"))
                .body("data.input.topic", equalTo("daily"))
                .body("data.primary", equalTo(false))
                .body("data.agent_id", equalTo(id))
                .extract()
                .jsonPath();
        String scheduleId = created.getString("data.id");
        tenant.as()
                .get("/api/v1/agents/" + id + "/schedules/" + scheduleId)
                .then()
                .statusCode(200)
                .body("data.id", equalTo(scheduleId));
        tenant.as()
                .body("{\"enabled\": false}")
                .patch("/api/v1/agents/" + id + "/schedules/" + scheduleId)
                .then()
                .statusCode(200)
                .body("data.enabled", equalTo(false))
                .body("data.times", contains("09:00", "17:00"))
                .body("data.next_run_at", nullValue())
                .body("data.next_run_times", empty());
        tenant.as()
                .body("{\"cron\": \"0 12 * * 1-5\", \"enabled\": true}")
                .patch("/api/v1/agents/" + id + "/schedules/" + scheduleId)
                .then()
                .statusCode(200)
                .body("data.kind", equalTo("cron"))
                .body("data.timezone", equalTo("Europe/Paris"))
                .body("data.next_run_times", hasSize(5));
        tenant.as()
                .body("{\"every_minutes\": 0}")
                .patch("/api/v1/agents/" + id + "/schedules/" + scheduleId)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("every_minutes"));
        tenant.as()
                .body("{\"id\": \"sch_x\", \"kind\": \"cron\", \"cron\": \"0 9 * * *\"}")
                .post("/api/v1/agents/" + id + "/schedules")
                .then()
                .statusCode(400);
        tenant.as()
                .delete("/api/v1/agents/" + id + "/schedules/" + scheduleId)
                .then()
                .statusCode(200)
                .body("data.deleted", equalTo(true));
        tenant.as()
                .get("/api/v1/agents/" + id + "/schedules/" + scheduleId)
                .then()
                .statusCode(404);
        tenant.as().get("/api/v1/agents/" + id + "/schedules").then().body("data", empty());
    }

    @Test
    void deletingAnAgentDeletesItsSchedules() {
        JsonPath agent = createAgent("{\"name\": \"Cascade\", \"prompt\": \"p\", \"schedule\": \"0 9 * * *\","
                + " \"behaviors\": {\"schedules\": [{\"cron\": \"0 10 * * *\"}]}}");
        String id = agent.getString("data.id");
        tenant.as().delete("/api/v1/agents/" + id).then().statusCode(200);
        assertThat(Sql.query("SELECT count(*) FROM schedules WHERE agent_id = '" + id + "'"))
                .isEqualTo("0");
    }

    @Test
    void previewNormalizesAndListsOccurrences() {
        tenant.as()
                .body(
                        "{\"schedule\": \"0 9 * * 1-5\", \"timezone\": \"UTC\", \"from\": \"2026-01-05T00:00:00Z\", \"count\": 3}")
                .post("/api/v1/schedules/preview")
                .then()
                .statusCode(200)
                .body("data.schedule.kind", equalTo("cron"))
                .body("data.schedule.cron", equalTo("0 9 * * 1-5"))
                .body(
                        "data.next_run_times",
                        contains("2026-01-05T09:00:00.000Z", "2026-01-06T09:00:00.000Z", "2026-01-07T09:00:00.000Z"));
        tenant.as()
                .body("{\"schedule\": {\"mode\": \"SCHEDULED\", \"rateMinutes\": 120}}")
                .post("/api/v1/schedules/preview")
                .then()
                .statusCode(200)
                .body("data.schedule.every_minutes", equalTo(120))
                .body("data.next_run_times", hasSize(10));
        String at = Instant.now().plusSeconds(3600).toString();
        tenant.as()
                .body("{\"schedule\": \"at(" + at.substring(0, 19) + ")\"}")
                .post("/api/v1/schedules/preview")
                .then()
                .statusCode(200)
                .body("data.schedule.kind", equalTo("once"))
                .body("data.next_run_times", hasSize(1));
        tenant.as()
                .body(
                        "{\"schedule\": {\"kind\": \"daily\", \"times\": [\"09:00\", \"25:00\"]}, \"count\": 101, \"from\": \"yesterday\"}")
                .post("/api/v1/schedules/preview")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("count"))
                .body("errors.field", hasItem("from"));
        tenant.as()
                .body("{\"schedule\": {\"kind\": \"daily\", \"times\": [\"09:00\", \"25:00\"]}}")
                .post("/api/v1/schedules/preview")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("schedule.times[1]"));
        String reader = tenant.key("preview-reader", "agents:read");
        TestTenant.as(reader)
                .body("{\"schedule\": \"manual\"}")
                .post("/api/v1/schedules/preview")
                .then()
                .statusCode(200)
                .body("data.next_run_times", empty());
    }
}
