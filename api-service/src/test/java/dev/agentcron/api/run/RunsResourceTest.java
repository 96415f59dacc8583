package dev.agentcron.api.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.agentcron.api.support.Sql;
import dev.agentcron.api.support.TestTenant;
import dev.agentcron.model.queue.RedisKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Manual runs, cancel and run history as an integrator uses them. */
@QuarkusTest
class RunsResourceTest {

    private static TestTenant tenant;
    private static TestTenant other;

    @Inject
    RedisDataSource redis;

    @Inject
    RedisKeys keys;

    @BeforeEach
    void tenants() {
        if (tenant == null) {
            tenant = TestTenant.create("runs");
            other = TestTenant.create("runs-other");
        }
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

    private static String agent() {
        return agent(
                "{\"name\": \"runner " + System.nanoTime() + "\", \"prompt\": \"Summarize\", \"overlap\": \"allow\"}");
    }

    private List<String> interactiveJobRuns(String agentId) {
        return redis.stream(String.class)
                .xrange(keys.interactiveJobs(keys.partitionOf(agentId)), StreamRange.of("-", "+"))
                .stream()
                .map(message -> message.payload().get("run_id"))
                .toList();
    }

    @Test
    void aManualRunIsRecordedQueuedAndEnqueuedOnTheInteractiveStream() {
        String agentId = agent();

        String runId = tenant.as()
                .body("{\"input\": {\"topic\": \"weekly\"}}")
                .post("/api/v1/agents/" + agentId + "/run")
                .then()
                .statusCode(202)
                .body("data.status", equalTo("queued"))
                .body("data.trigger", equalTo("manual"))
                .body("data.agent_id", equalTo(agentId))
                .body("data.input.topic", equalTo("weekly"))
                .body("data.artifact_ids", empty())
                .body("data.attempt", equalTo(0))
                .body("data.queued_at", notNullValue())
                .body("data.started_at", nullValue())
                .body("data.steps", nullValue())
                .extract()
                .path("data.id");

        assertThat(interactiveJobRuns(agentId)).contains(runId);
    }

    @Test
    void aManualRunWithoutABodyHasAnEmptyInput() {
        String agentId = agent();

        tenant.as()
                .post("/api/v1/agents/" + agentId + "/run")
                .then()
                .statusCode(202)
                .body("data.input", equalTo(Map.of()));
    }

    @Test
    void aManualRunOfAPausedAgentIsAConflict() {
        String agentId = agent();
        tenant.as().post("/api/v1/agents/" + agentId + "/pause").then().statusCode(200);

        tenant.as()
                .post("/api/v1/agents/" + agentId + "/run")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("paused"));
    }

    @Test
    void anInputThatIsNotAnObjectIsRejectedWithItsField() {
        String agentId = agent();

        tenant.as()
                .body("{\"input\": [1, 2]}")
                .post("/api/v1/agents/" + agentId + "/run")
                .then()
                .statusCode(400)
                .body("errors.field", contains("input"));
    }

    @Test
    void fiftyConcurrentManualRunsAreAdmittedExactlyUpToTheDailyLimit() throws Exception {
        String agentId = agent("{\"name\": \"limited " + System.nanoTime()
                + "\", \"prompt\": \"x\", \"overlap\": \"allow\", \"limits\": {\"daily_limit\": 20}}");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return tenant.as()
                            .post("/api/v1/agents/" + agentId + "/run")
                            .then()
                            .extract()
                            .statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> status : answers) {
                assertThat(status.get())
                        .as("a busy Redis pool makes requests wait, not fail")
                        .isEqualTo(202);
            }
        } finally {
            pool.shutdown();
        }

        assertThat(Sql.query("SELECT count(*) FROM runs WHERE agent_id = '" + agentId + "' AND status = 'queued'"))
                .isEqualTo("20");
        assertThat(Sql.query("SELECT count(*) FROM runs WHERE agent_id = '" + agentId + "' AND status = 'skipped'"
                        + " AND status_reason = 'daily_limit_reached'"))
                .isEqualTo("30");
    }

    @Test
    void overlapSkipRecordsTheSecondManualRunAsSkipped() {
        String agentId = agent("{\"name\": \"skipper " + System.nanoTime() + "\", \"prompt\": \"x\"}");
        tenant.as().post("/api/v1/agents/" + agentId + "/run").then().statusCode(202);

        tenant.as()
                .post("/api/v1/agents/" + agentId + "/run")
                .then()
                .statusCode(202)
                .body("data.status", equalTo("skipped"))
                .body("data.status_reason", equalTo("overlap"));
    }

    @Test
    void cancellingAQueuedRunEndsItCancelledAndASecondCancelIsAConflict() {
        String agentId = agent();
        String runId = tenant.as()
                .post("/api/v1/agents/" + agentId + "/run")
                .then()
                .extract()
                .path("data.id");

        tenant.as()
                .post("/api/v1/runs/" + runId + "/cancel")
                .then()
                .statusCode(200)
                .body("data.status", equalTo("cancelled"))
                .body("data.completed_at", notNullValue());
        tenant.as()
                .post("/api/v1/runs/" + runId + "/cancel")
                .then()
                .statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("already ended"));
    }

    @Test
    void cancellingARunningRunMarksItCancellingAndTellsTheWorkers() {
        String agentId = agent();
        String runId = tenant.as()
                .post("/api/v1/agents/" + agentId + "/run")
                .then()
                .extract()
                .path("data.id");
        Sql.exec("UPDATE runs SET status = 'running', attempt = 1, worker_id = 'w', started_at = now() WHERE id = '"
                + runId + "'");

        tenant.as()
                .post("/api/v1/runs/" + runId + "/cancel")
                .then()
                .statusCode(200)
                .body("data.status", equalTo("cancelling"));
    }

    @Test
    void cancellingAnAgentsRunsCountsThemAndIsA404WhenThereIsNone() {
        String agentId = agent();
        tenant.as().post("/api/v1/agents/" + agentId + "/run").then().statusCode(202);
        tenant.as().post("/api/v1/agents/" + agentId + "/run").then().statusCode(202);

        tenant.as()
                .post("/api/v1/agents/" + agentId + "/cancel")
                .then()
                .statusCode(200)
                .body("data.cancelled_count", equalTo(2));
        tenant.as()
                .post("/api/v1/agents/" + agentId + "/cancel")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void historyListsRunsNewestFirstWithFilters() {
        String agentId = agent();
        String first = tenant.as()
                .post("/api/v1/agents/" + agentId + "/run")
                .then()
                .extract()
                .path("data.id");
        String second = tenant.as()
                .post("/api/v1/agents/" + agentId + "/run")
                .then()
                .extract()
                .path("data.id");
        tenant.as().post("/api/v1/runs/" + first + "/cancel").then().statusCode(200);
        Sql.exec("UPDATE runs SET queued_at = now() - interval '3 days' WHERE id = '" + first + "'");

        tenant.as()
                .get("/api/v1/agents/" + agentId + "/runs")
                .then()
                .statusCode(200)
                .body("data.id", contains(second, first))
                .body("meta.total", equalTo(2))
                .body("meta.limit", equalTo(100));
        tenant.as().get("/api/v1/agents/" + agentId + "/runs?period=24h").then().body("data.id", contains(second));
        tenant.as()
                .get("/api/v1/agents/" + agentId + "/runs?status=cancelled&trigger=manual")
                .then()
                .body("data.id", contains(first));
        tenant.as()
                .get("/api/v1/agents/" + agentId + "/runs?period=1y&status=nope")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("period", "status"));
    }

    @Test
    void aRunShowsItsStepsAndArtifacts() {
        String agentId = agent();
        String runId = tenant.as()
                .post("/api/v1/agents/" + agentId + "/run")
                .then()
                .extract()
                .path("data.id");
        Sql.exec(
                "INSERT INTO run_steps (run_id, attempt, seq, kind, model, input_tokens, output_tokens, cost_usd,"
                        + " duration_ms, outcome) VALUES ('" + runId + "', 1, 1, 'model_call', 'gpt-4o-mini', 100, 20,"
                        + " 0.000027, 850, 'success')",
                "INSERT INTO artifacts (id, agent_id, workspace_id, run_id, title, content) SELECT 'art_"
                        + runId.substring(4) + "', agent_id, workspace_id, id, 'Report', 'text' FROM runs WHERE id = '"
                        + runId + "'");

        tenant.as()
                .get("/api/v1/runs/" + runId)
                .then()
                .statusCode(200)
                .body("data.steps", hasSize(1))
                .body("data.steps[0].kind", equalTo("model_call"))
                .body("data.steps[0].cost_usd", equalTo(0.000027f))
                .body("data.artifact_ids", contains("art_" + runId.substring(4)));
    }

    @Test
    void anotherWorkspacesRunsAreNotFound() {
        String agentId = agent();
        String runId = tenant.as()
                .post("/api/v1/agents/" + agentId + "/run")
                .then()
                .extract()
                .path("data.id");

        other.as().get("/api/v1/runs/" + runId).then().statusCode(404);
        other.as().post("/api/v1/runs/" + runId + "/cancel").then().statusCode(404);
        other.as().post("/api/v1/agents/" + agentId + "/run").then().statusCode(404);
        other.as().get("/api/v1/agents/" + agentId + "/runs").then().statusCode(404);
    }

    @Test
    void aReadOnlyKeyCannotTriggerRuns() {
        String agentId = agent();
        String reader = tenant.key("reader", "agents:read");

        TestTenant.as(reader).post("/api/v1/agents/" + agentId + "/run").then().statusCode(403);
        TestTenant.as(reader).get("/api/v1/agents/" + agentId + "/runs").then().statusCode(200);
    }
}
