package dev.agentcron.api.stats;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.agentcron.api.support.Sql;
import dev.agentcron.api.support.TestTenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stats against hand-computed fixtures. Runs are placed relative to the start of today (UTC), {@code D0}: the
 * 7-day period starts exactly at {@code D0 - 6 days} (a run there counts, a run 1 ms earlier does not).
 */
@QuarkusTest
class StatsResourceTest {

    private static final String D0 = "(date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')";

    private static TestTenant tenant;
    private static String agentId;
    private static String pausedId;
    private static String idleId;

    @BeforeEach
    void fixtures() {
        if (tenant != null) {
            return;
        }
        tenant = TestTenant.create("stats");
        agentId = agent("{\"name\": \"stats agent\", \"slug\": \"stats-agent\", \"prompt\": \"Report\"}");
        pausedId = agent("{\"name\": \"stats paused\", \"prompt\": \"Report\", \"status\": \"paused\"}");
        idleId = agent("{\"name\": \"stats idle\", \"prompt\": \"Report\"}");
        run(agentId, "success", D0 + " + interval '1 minute'", 1000, "0.01", 100, 50);
        run(agentId, "error", D0 + " + interval '2 minutes'", 3000, "0.02", 10, 5);
        run(agentId, "skipped", D0 + " + interval '3 minutes'", 0, "0", 0, 0);
        run(agentId, "success", D0 + " - interval '6 days'", 2000, "0.005", 0, 0);
        run(agentId, "success", D0 + " - interval '6 days' - interval '1 millisecond'", 9000, "1", 0, 0);
        run(agentId, "timed_out", D0 + " - interval '2 days' + interval '5 hours'", 4000, "0.1", 0, 0);
        run(agentId, "queued", D0 + " - interval '2 days' + interval '6 hours'", null, "0", 0, 0);
        run(pausedId, "running", D0 + " - interval '1 day'", null, "0", 0, 0);
    }

    private static String agent(String body) {
        return tenant.as()
                .body(body)
                .post("/api/v1/agents")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
    }

    private static void run(
            String agent, String status, String queuedAt, Integer durationMs, String cost, int in, int out) {
        Sql.exec("INSERT INTO runs (id, agent_id, workspace_id, trigger, status, queued_at, duration_ms, cost_usd,"
                + " input_tokens, output_tokens) VALUES ('run_" + System.nanoTime() + "', '" + agent + "', '"
                + tenant.workspaceId() + "', 'manual', '" + status + "', " + queuedAt + ", " + durationMs + ", " + cost
                + ", " + in + ", " + out + ")");
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static JsonPath stats(String path) {
        return tenant.as().get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void sevenDaysCountFromTheStartOfTheSixthDayBackAndExcludeSkippedRunsFromTheRate() {
        JsonPath stats = stats("/api/v1/agents/" + agentId + "/stats");

        Assertions.assertThat(stats.getString("data.period")).isEqualTo("7d");
        Assertions.assertThat(stats.getInt("data.total_runs")).isEqualTo(6);
        Assertions.assertThat(stats.getDouble("data.success_rate")).isEqualTo(0.5);
        Assertions.assertThat(stats.getLong("data.avg_duration_ms")).isEqualTo(2500);
        Assertions.assertThat(stats.getLong("data.p95_duration_ms")).isEqualTo(4000);
        Assertions.assertThat(stats.getString("data.total_cost_usd")).isEqualTo("0.135");
        Assertions.assertThat(stats.getLong("data.total_tokens")).isEqualTo(165);
        Assertions.assertThat(stats.getString("data.last_run_at")).startsWith(today().toString() + "T00:03:00.000");

        List<Map<String, Object>> days = stats.getList("data.daily_runs");
        Assertions.assertThat(days).hasSize(7);
        Assertions.assertThat(days.stream().map(day -> day.get("date")))
                .containsExactly(
                        today().minusDays(6).toString(),
                        today().minusDays(5).toString(),
                        today().minusDays(4).toString(),
                        today().minusDays(3).toString(),
                        today().minusDays(2).toString(),
                        today().minusDays(1).toString(),
                        today().toString());
        Assertions.assertThat(days.get(0)).containsEntry("success", 1).containsEntry("total", 1);
        Assertions.assertThat(days.get(1))
                .containsEntry("success", 0)
                .containsEntry("error", 0)
                .containsEntry("skipped", 0)
                .containsEntry("total", 0);
        Assertions.assertThat(days.get(4)).containsEntry("error", 1).containsEntry("total", 2);
        Assertions.assertThat(days.get(6))
                .containsEntry("success", 1)
                .containsEntry("error", 1)
                .containsEntry("skipped", 1)
                .containsEntry("total", 3);
        Assertions.assertThat(stats.getString("data.daily_runs[6].cost_usd")).isEqualTo("0.03");
        Assertions.assertThat(stats.getString("data.daily_runs[1].cost_usd")).isEqualTo("0");
    }

    @Test
    void thirtyDaysIncludeTheRunJustBeforeTheSevenDayBoundary() {
        JsonPath stats = stats("/api/v1/agents/stats-agent/stats?period=30d");

        Assertions.assertThat(stats.getInt("data.total_runs")).isEqualTo(7);
        Assertions.assertThat(stats.getDouble("data.success_rate")).isEqualTo(0.6);
        Assertions.assertThat(stats.getLong("data.avg_duration_ms")).isEqualTo(3800);
        Assertions.assertThat(stats.getLong("data.p95_duration_ms")).isEqualTo(9000);
        Assertions.assertThat(stats.getString("data.total_cost_usd")).isEqualTo("1.135");
        List<Map<String, Object>> days = stats.getList("data.daily_runs");
        Assertions.assertThat(days).hasSize(30);
        Assertions.assertThat(days.get(0).get("date"))
                .isEqualTo(today().minusDays(29).toString());
        Assertions.assertThat(days.get(22))
                .containsEntry("date", today().minusDays(7).toString());
        Assertions.assertThat(days.get(22)).containsEntry("success", 1).containsEntry("total", 1);
    }

    @Test
    void twentyFourHoursCoverTwoDates() {
        JsonPath stats = stats("/api/v1/agents/" + agentId + "/stats?period=24h");

        Assertions.assertThat(stats.getInt("data.total_runs")).isEqualTo(3);
        Assertions.assertThat(stats.getList("data.daily_runs.date"))
                .containsExactly(today().minusDays(1).toString(), today().toString());
        Assertions.assertThat(stats.getInt("data.daily_runs[1].total")).isEqualTo(3);
    }

    @Test
    void globalStatsAddAgentCountsAndTheAgentsRunningNow() {
        JsonPath stats = stats("/api/v1/agents/stats?period=7d");

        Assertions.assertThat(stats.getInt("data.total_agents")).isEqualTo(3);
        Assertions.assertThat(stats.getInt("data.active_agents")).isEqualTo(2);
        Assertions.assertThat(stats.getList("data.running_agent_ids")).containsExactly(pausedId);
        Assertions.assertThat(stats.getInt("data.total_runs")).isEqualTo(7);
        Assertions.assertThat(stats.getDouble("data.success_rate")).isEqualTo(0.5);
        Assertions.assertThat(stats.getList("data.daily_runs")).hasSize(7);
        Assertions.assertThat(stats.getInt("data.daily_runs[5].total")).isEqualTo(1);
    }

    @Test
    void anAgentWithoutRunsHasZerosAndNulls() {
        tenant.as()
                .get("/api/v1/agents/" + idleId + "/stats")
                .then()
                .statusCode(200)
                .body("data.total_runs", equalTo(0))
                .body("data.success_rate", nullValue())
                .body("data.avg_duration_ms", nullValue())
                .body("data.p95_duration_ms", nullValue())
                .body("data.total_cost_usd", equalTo(0))
                .body("data.last_run_at", nullValue())
                .body("data.daily_runs", hasSize(7))
                .body("data.daily_runs.total", everyItem(equalTo(0)));
    }

    @Test
    void anUnknownPeriodIsRejectedWithItsField() {
        tenant.as()
                .get("/api/v1/agents/stats?period=1y")
                .then()
                .statusCode(400)
                .body("errors.field", contains("period"));
        tenant.as()
                .get("/api/v1/agents/" + agentId + "/stats?period=90d")
                .then()
                .statusCode(400)
                .body("errors.field", contains("period"));
    }

    @Test
    void anotherWorkspacesAgentIsNotFound() {
        TestTenant other = TestTenant.create("stats-other");

        other.as().get("/api/v1/agents/" + agentId + "/stats").then().statusCode(404);
        other.as()
                .get("/api/v1/agents/stats")
                .then()
                .statusCode(200)
                .body("data.total_agents", equalTo(0))
                .body("data.total_runs", equalTo(0));
    }

    @Test
    void p95IsTheNearestRankOfFinishedDurations() {
        TestTenant own = TestTenant.create("stats-p95");
        String agent = own.as()
                .body("{\"name\": \"p95 agent\", \"prompt\": \"Report\"}")
                .post("/api/v1/agents")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        Sql.exec("INSERT INTO runs (id, agent_id, workspace_id, trigger, status, queued_at, duration_ms)"
                + " SELECT 'run_p95_' || g || '_" + System.nanoTime() + "', '" + agent + "', '" + own.workspaceId()
                + "', 'schedule', 'success', now() - interval '1 hour', g * 100 FROM generate_series(1, 20) g");
        Sql.exec("INSERT INTO runs (id, agent_id, workspace_id, trigger, status, queued_at, duration_ms)"
                + " VALUES ('run_p95_skip_" + System.nanoTime() + "', '" + agent + "', '" + own.workspaceId()
                + "', 'schedule', 'skipped', now() - interval '1 hour', 999999)");

        own.as()
                .get("/api/v1/agents/" + agent + "/stats")
                .then()
                .statusCode(200)
                .body("data.total_runs", equalTo(21))
                .body("data.success_rate", equalTo(1.0f))
                .body("data.avg_duration_ms", equalTo(1050))
                .body("data.p95_duration_ms", equalTo(1900));
        own.as()
                .get("/api/v1/agents/stats?period=24h")
                .then()
                .statusCode(200)
                .body("data.p95_duration_ms", equalTo(1900))
                .body("data.daily_runs", hasSize(2));
    }
}
