package dev.agentcron.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of API.md that only a running cluster shows — overlap, cancel, daily limit, once, paused — on
 * one cluster of two workers, each scenario with its own agents.
 */
class SchedulingRulesIT {

    /** How long the quiet agents (paused, once) are watched: two reconcile intervals. */
    private static final Duration WATCH = Duration.ofSeconds(20);

    @TempDir
    static Path workDir;

    private static EngineCluster cluster;
    private static String pausedAtCreation;
    private static String pausedLater;
    private static Instant pausedLaterAt;
    private static String once;
    private static Instant onceAt;
    private static Instant watchedSince;

    @BeforeAll
    static void startClusterAndTheQuietAgents() {
        cluster = EngineCluster.start("scheduling-rules", workDir, 2, Map.of());
        // Created first, so that the watch runs while the other scenarios do
        watchedSince = Instant.now();
        ObjectNode paused = EngineCluster.agent("paused-at-creation");
        paused.put("status", "paused");
        paused.set("schedule", EngineCluster.cron("* * * * * *", 300));
        JsonNode created = cluster.createAgent(paused);
        assertThat(created.path("status").asText()).isEqualTo("paused");
        pausedAtCreation = created.path("id").asText();

        ObjectNode later = EngineCluster.agent("paused-after-firing");
        later.set("schedule", EngineCluster.cron("* * * * * *", 300));
        pausedLater = cluster.createAgent(later).path("id").asText();

        onceAt = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
        ObjectNode onceBody = EngineCluster.agent("fires-once");
        ObjectNode schedule = onceBody.putObject("schedule");
        schedule.put("kind", "once");
        schedule.put("at", onceAt.toString());
        once = cluster.createAgent(onceBody).path("id").asText();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aPausedAgentNeverFires() throws Exception {
        await("the agent paused after it fired has run")
                .atMost(Duration.ofMinutes(1))
                .until(() -> runs(pausedLater).size() >= 2);
        assertThat(cluster.post("/agents/" + pausedLater + "/pause", null).status())
                .isEqualTo(200);
        pausedLaterAt = Instant.now();
        await("a long enough watch").atMost(WATCH.plusMinutes(1)).until(() -> Instant.now()
                .isAfter(pausedLaterAt.plus(WATCH)));

        assertThat(runs(pausedAtCreation))
                .as("runs of the agent created paused")
                .isEmpty();
        assertThat(cluster.count(
                        "SELECT count(*) FROM runs WHERE agent_id = ? AND queued_at > ?",
                        pausedLater,
                        Timestamp.from(pausedLaterAt)))
                .as("runs of the paused agent queued after the pause")
                .isZero();
        assertThat(cluster.get("/agents/" + pausedAtCreation)
                        .json()
                        .path("data")
                        .path("runs_today")
                        .asInt())
                .isZero();
    }

    @Test
    void aOnceScheduleFiresOnceAndThenNeverAgain() throws Exception {
        await("past the instant and a long enough watch")
                .atMost(WATCH.plusMinutes(1))
                .until(() -> Instant.now().isAfter(onceAt.plus(WATCH)));

        List<Map<String, Object>> runs = runs(once);
        assertThat(runs).hasSize(1);
        assertThat(((Timestamp) runs.get(0).get("scheduled_for")).toInstant()).isEqualTo(onceAt);
        assertThat(runs.get(0).get("trigger")).isEqualTo("schedule");
        await("the run finished").atMost(Duration.ofMinutes(1)).until(() -> "success"
                .equals(runs(once).get(0).get("status")));
        JsonNode agent = cluster.get("/agents/" + once).json().path("data");
        assertThat(agent.path("schedule").path("next_run_at").isNull()).isTrue();
        assertThat(agent.path("schedule").path("missed_count").asLong()).isZero();
    }

    @Test
    void overlapSkipsBuffersOneOrAllowsRunsWhileAnotherIsActive() throws Exception {
        Map<String, List<JsonNode>> triggered = new java.util.LinkedHashMap<>();
        for (String overlap : List.of("skip", "buffer_one", "allow")) {
            ObjectNode body = EngineCluster.agent("overlap-" + overlap);
            body.put("prompt", "Take a while [stub-delay-ms=6000]");
            body.put("overlap", overlap);
            String agent = cluster.createAgent(body).path("id").asText();
            List<JsonNode> runs = new ArrayList<>();
            runs.add(trigger(agent));
            runs.add(trigger(agent));
            runs.add(trigger(agent));
            triggered.put(overlap, runs);
        }

        List<JsonNode> skip = triggered.get("skip");
        assertThat(skip.get(0).path("status").asText()).isEqualTo("queued");
        for (JsonNode refused : skip.subList(1, 3)) {
            assertThat(refused.path("status").asText()).isEqualTo("skipped");
            assertThat(refused.path("status_reason").asText()).isEqualTo("overlap");
        }
        List<JsonNode> buffer = triggered.get("buffer_one");
        assertThat(buffer.get(0).path("status").asText()).isEqualTo("queued");
        assertThat(buffer.get(1).path("status").asText()).isEqualTo("queued");
        assertThat(buffer.get(2).path("status").asText()).isEqualTo("skipped");
        assertThat(buffer.get(2).path("status_reason").asText()).isEqualTo("overlap");
        assertThat(triggered.get("allow"))
                .allSatisfy(run -> assertThat(run.path("status").asText()).isEqualTo("queued"));

        List<String> all = triggered.values().stream()
                .flatMap(List::stream)
                .map(run -> run.path("id").asText())
                .toList();
        await("every triggered run finished")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> cluster.count(
                                "SELECT count(*) FROM runs WHERE id = ANY(?) AND status IN ('success', 'skipped')",
                                (Object) all.toArray(String[]::new))
                        == all.size());

        assertThat(statuses(skip)).containsExactly("success", "skipped", "skipped");
        assertThat(statuses(buffer)).containsExactly("success", "success", "skipped");
        Map<String, Object> first = run(buffer.get(0));
        Map<String, Object> waiter = run(buffer.get(1));
        assertThat(((Timestamp) waiter.get("started_at")).toInstant())
                .as("the buffered run starts when the active one has ended")
                .isAfterOrEqualTo(((Timestamp) first.get("completed_at")).toInstant());
        List<JsonNode> allow = triggered.get("allow");
        assertThat(statuses(allow)).containsExactly("success", "success", "success");
        assertThat(((Timestamp) run(allow.get(2)).get("started_at")).toInstant())
                .as("allowed runs overlap")
                .isBefore(((Timestamp) run(allow.get(0)).get("completed_at")).toInstant());
    }

    @Test
    void cancelsAQueuedRunAtOnceAndARunningOneThroughCancelling() throws Exception {
        ObjectNode body = EngineCluster.agent("cancelled");
        body.put("prompt", "Take very long [stub-delay-ms=40000]");
        body.put("overlap", "buffer_one");
        String agent = cluster.createAgent(body).path("id").asText();
        String running = trigger(agent).path("id").asText();
        await("the first run is running").atMost(Duration.ofMinutes(1)).until(() -> "running"
                .equals(run(running).get("status")));
        String queued = trigger(agent).path("id").asText();
        assertThat(run(queued).get("status")).isEqualTo("queued");

        EngineCluster.Response cancelQueued = cluster.post("/runs/" + queued + "/cancel", null);
        assertThat(cancelQueued.status()).isEqualTo(200);
        assertThat(cancelQueued.json().path("data").path("status").asText()).isEqualTo("cancelled");

        Instant asked = Instant.now();
        EngineCluster.Response cancelRunning = cluster.post("/runs/" + running + "/cancel", null);
        assertThat(cancelRunning.status()).isEqualTo(200);
        assertThat(cancelRunning.json().path("data").path("status").asText()).isIn("cancelling", "cancelled");
        await("the running run ends cancelled").atMost(Duration.ofMinutes(1)).until(() -> "cancelled"
                .equals(run(running).get("status")));
        assertThat(((Timestamp) run(running).get("completed_at")).toInstant())
                .as("cancelled without waiting for the slow model call")
                .isBefore(asked.plusSeconds(30));

        assertThat(cluster.post("/runs/" + running + "/cancel", null).status())
                .as("cancelling a finished run")
                .isEqualTo(409);
        assertThat(run(queued).get("started_at"))
                .as("the cancelled queued run never started")
                .isNull();
        assertThat(runs(agent)).extracting(row -> row.get("status")).containsOnly("cancelled");
    }

    @Test
    void theDailyLimitIsExactUnderFiftyConcurrentManualTriggers() throws Exception {
        ObjectNode body = EngineCluster.agent("daily-limited");
        body.put("overlap", "allow");
        body.putObject("limits").put("daily_limit", 20);
        String agent = cluster.createAgent(body).path("id").asText();

        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<JsonNode>> triggers = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                triggers.add(pool.submit(() -> {
                    start.await();
                    return trigger(agent);
                }));
            }
            start.countDown();
            for (Future<JsonNode> run : triggers) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }

        await("every run finished or was skipped")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> cluster.count(
                                "SELECT count(*) FROM runs WHERE agent_id = ? AND status IN ('success', 'skipped')",
                                agent)
                        == 50);
        assertThat(cluster.count("SELECT count(*) FROM runs WHERE agent_id = ?", agent))
                .isEqualTo(50);
        assertThat(cluster.count("SELECT count(*) FROM runs WHERE agent_id = ? AND status = 'success'", agent))
                .as("runs that started")
                .isEqualTo(20);
        assertThat(cluster.count(
                        "SELECT count(*) FROM runs WHERE agent_id = ? AND status = 'skipped'"
                                + " AND status_reason = 'daily_limit_reached'",
                        agent))
                .isEqualTo(30);
        assertThat(cluster.get("/agents/" + agent)
                        .json()
                        .path("data")
                        .path("runs_today")
                        .asInt())
                .isEqualTo(20);
    }

    private static JsonNode trigger(String agent) {
        EngineCluster.Response response = cluster.post("/agents/" + agent + "/run", "{}");
        assertThat(response.status()).as("manual run: %s", response.body()).isEqualTo(202);
        return response.json().path("data");
    }

    private static List<Map<String, Object>> runs(String agent) throws Exception {
        return cluster.query(
                "SELECT id, status, trigger, scheduled_for, queued_at FROM runs WHERE agent_id = ? ORDER BY queued_at",
                agent);
    }

    private static Map<String, Object> run(JsonNode run) throws Exception {
        return run(run.path("id").asText());
    }

    private static Map<String, Object> run(String id) throws Exception {
        return cluster.query("SELECT id, status, status_reason, started_at, completed_at FROM runs WHERE id = ?", id)
                .get(0);
    }

    private static List<Object> statuses(List<JsonNode> runs) throws Exception {
        List<Object> statuses = new ArrayList<>();
        for (JsonNode run : runs) {
            statuses.add(run(run).get("status"));
        }
        return statuses;
    }
}
