package dev.agentcron.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's promises when parts of it fail, on a cluster of three workers: a worker killed with SIGKILL
 * while it holds runs, and Redis losing everything (FLUSHALL) while schedules fire and manual runs wait.
 * PostgreSQL is the record: nothing is lost, nothing runs twice.
 */
class WorkerFailureIT {

    private static final Duration LEASE = Duration.ofSeconds(6);
    /** Runs one worker executes at once: small, so that the FLUSHALL test can fill every slot. */
    private static final int CONCURRENCY = 12;

    private static final long PERIOD_MILLIS = 5_000;
    private static final Set<String> TERMINAL =
            Set.of("success", "error", "budget_exceeded", "cancelled", "timed_out", "skipped");

    @TempDir
    static Path workDir;

    private static EngineCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = EngineCluster.start(
                "worker-failure", workDir, 3, Map.of("agentcron.worker.concurrency", Integer.toString(CONCURRENCY)));
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void runsOfAKilledWorkerEndOnceWithinTwoLeasesAndNoOccurrenceIsLost() throws Exception {
        List<String> agentIds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ObjectNode body = EngineCluster.agent("slow-" + i);
            body.put("prompt", "Think long [stub-delay-ms=15000]");
            body.put("overlap", "allow");
            body.set("schedule", EngineCluster.cron("*/5 * * * * *", 300));
            agentIds.add(cluster.createAgent(body).path("id").asText());
        }
        String[] agents = agentIds.toArray(String[]::new);
        LauncherRun.Child victim = cluster.workers().get("worker-1");

        await("worker-1 holds several runs")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> cluster.count(
                                "SELECT count(*) FROM runs WHERE agent_id = ANY(?) AND status = 'running'"
                                        + " AND worker_id = 'worker-1'",
                                (Object) agents)
                        >= 2);
        Set<String> held = ids(cluster.query(
                "SELECT id FROM runs WHERE agent_id = ANY(?) AND status = 'running' AND worker_id = 'worker-1'",
                (Object) agents));
        ProcessHandle.of(victim.pid()).orElseThrow().destroyForcibly();
        Instant killed = Instant.now();
        await("worker-1 gone").atMost(Duration.ofSeconds(30)).until(() -> ProcessHandle.of(victim.pid())
                .map(p -> !p.isAlive())
                .orElse(true));

        // Let the schedules go on for a while on the two workers left, then stop them
        Instant observedUntil = killed.plusSeconds(20);
        await("the schedules ran on after the kill")
                .atMost(Duration.ofMinutes(2))
                .until(() -> Instant.now().isAfter(observedUntil.plusSeconds(8)));
        for (String agent : agentIds) {
            assertThat(cluster.post("/agents/" + agent + "/pause", null).status())
                    .isEqualTo(200);
        }
        await("every run of the slow agents finished")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> cluster.count(
                                "SELECT count(*) FROM runs WHERE agent_id = ANY(?)"
                                        + " AND status IN ('queued', 'running', 'cancelling')",
                                (Object) agents)
                        == 0);

        // Every run the dead worker held ended once, as worker_lost, within two leases of the kill
        List<Map<String, Object>> lost = cluster.query(
                "SELECT id, status, attempt, error->>'code' AS code, completed_at FROM runs"
                        + " WHERE agent_id = ANY(?) AND error->>'message' LIKE '%(worker-1)%'",
                (Object) agents);
        assertThat(ids(lost)).as("runs recovered from worker-1").containsAll(held);
        assertThat(lost).allSatisfy(run -> {
            assertThat(run.get("status")).isEqualTo("error");
            assertThat(run.get("code")).isEqualTo("worker_lost");
            assertThat(((Number) run.get("attempt")).intValue()).isEqualTo(1);
            Instant completed = ((Timestamp) run.get("completed_at")).toInstant();
            assertThat(Duration.between(killed, completed))
                    .as("time from the kill to the end of %s", run.get("id"))
                    .isLessThanOrEqualTo(LEASE.multipliedBy(2));
        });
        assertThat(cluster.count(
                        "SELECT count(*) FROM runs WHERE agent_id = ANY(?) AND (attempt > 1 OR status = 'running')",
                        (Object) agents))
                .as("runs claimed twice or left running")
                .isZero();

        // No occurrence lost or doubled from the first one to well after the kill
        assertNoOccurrenceLostOrDoubled(agents, observedUntil);
        assertThat(cluster.count(
                        "SELECT coalesce(sum(missed_count), 0) FROM schedules WHERE agent_id = ANY(?)",
                        (Object) agents))
                .isZero();
    }

    @Test
    void afterFlushallSchedulesFireAgainWithoutDoublesAndNoQueuedRunIsLost() throws Exception {
        List<String> scheduled = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ObjectNode body = EngineCluster.agent("flushed-schedule-" + i);
            body.set("schedule", EngineCluster.cron("*/5 * * * * *", 300));
            scheduled.add(cluster.createAgent(body).path("id").asText());
        }
        List<String> buffered = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ObjectNode body = EngineCluster.agent("flushed-buffered-" + i);
            body.put("prompt", "Take a while [stub-delay-ms=8000]");
            body.put("overlap", "buffer_one");
            buffered.add(cluster.createAgent(body).path("id").asText());
        }
        List<String> bursty = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ObjectNode body = EngineCluster.agent("flushed-manual-" + i);
            body.put("overlap", "allow");
            bursty.add(cluster.createAgent(body).path("id").asText());
        }
        String[] scheduledIds = scheduled.toArray(String[]::new);
        await("the schedules fire")
                .atMost(Duration.ofMinutes(1))
                .until(() -> cluster.count("SELECT count(DISTINCT agent_id) FROM runs WHERE agent_id = ANY(?)", (Object)
                                scheduledIds)
                        == scheduled.size());

        // One run of each buffered agent runs, a second one waits in the queue behind it
        List<String> manualRuns = new ArrayList<>();
        for (String agent : buffered) {
            manualRuns.add(trigger(agent));
        }
        await("the first buffered runs are running")
                .atMost(Duration.ofMinutes(1))
                .until(() ->
                        cluster.count("SELECT count(*) FROM runs WHERE id = ANY(?) AND status = 'running'", (Object)
                                        manualRuns.toArray(String[]::new))
                                == buffered.size());
        for (String agent : buffered) {
            manualRuns.add(trigger(agent));
        }
        // Every slot of every worker busy with a slow run, then manual runs that can only wait in the stream
        long slots = (long) CONCURRENCY
                * cluster.workers().values().stream()
                        .filter(worker -> ProcessHandle.of(worker.pid())
                                .map(ProcessHandle::isAlive)
                                .orElse(false))
                        .count();
        ObjectNode hogBody = EngineCluster.agent("flushed-slot-hog");
        hogBody.put("prompt", "Hold a slot [stub-delay-ms=25000]");
        hogBody.put("overlap", "allow");
        String hog = cluster.createAgent(hogBody).path("id").asText();
        for (long i = 0; i < slots; i++) {
            manualRuns.add(trigger(hog));
        }
        await("every slot busy")
                .atMost(Duration.ofMinutes(1))
                .until(() -> cluster.count("SELECT count(*) FROM runs WHERE status = 'running'") >= slots);
        List<String> waiting = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<String>> burst = new ArrayList<>();
            for (String agent : bursty) {
                for (int i = 0; i < 10; i++) {
                    burst.add(pool.submit(() -> trigger(agent)));
                }
            }
            for (Future<String> run : burst) {
                waiting.add(run.get());
            }
        } finally {
            pool.shutdown();
        }
        manualRuns.addAll(waiting);
        assertThat(cluster.count("SELECT count(*) FROM runs WHERE id = ANY(?) AND status = 'queued'", (Object)
                        waiting.toArray(String[]::new)))
                .as("manual runs still queued when Redis is flushed")
                .isPositive();
        cluster.flushRedis();
        Instant flushed = Instant.now();

        String[] runIds = manualRuns.toArray(String[]::new);
        await("every manual run ran")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> cluster.count(
                                "SELECT count(*) FROM runs WHERE id = ANY(?) AND status = 'success'", (Object) runIds)
                        == manualRuns.size());
        assertThat(cluster.count("SELECT count(*) FROM runs WHERE id = ANY(?) AND attempt <> 1", (Object) runIds))
                .as("manual runs claimed more than once")
                .isZero();

        Instant firingAgain = flushed.plusSeconds(25);
        await("every schedule fires again after the reconcile")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> cluster.count(
                                "SELECT count(DISTINCT schedule_id) FROM runs WHERE agent_id = ANY(?)"
                                        + " AND scheduled_for > ? AND status NOT IN ('queued', 'running')",
                                scheduledIds,
                                Timestamp.from(firingAgain))
                        == scheduled.size());
        for (String agent : scheduled) {
            assertThat(cluster.post("/agents/" + agent + "/pause", null).status())
                    .isEqualTo(200);
        }
        await("the scheduled runs finished")
                .atMost(Duration.ofMinutes(1))
                .until(() -> cluster.count(
                                "SELECT count(*) FROM runs WHERE agent_id = ANY(?) AND status IN ('queued', 'running')",
                                (Object) scheduledIds)
                        == 0);
        assertNoDoubles(scheduledIds);
        assertEveryOccurrenceRanOrWasCountedMissed(scheduledIds);
    }

    private static String trigger(String agent) {
        EngineCluster.Response response = cluster.post("/agents/" + agent + "/run", "{}");
        assertThat(response.status()).as("manual run: %s", response.body()).isEqualTo(202);
        JsonNode run = response.json().path("data");
        assertThat(run.path("status").asText()).isEqualTo("queued");
        return run.path("id").asText();
    }

    private static void assertNoDoubles(String[] agents) throws Exception {
        assertThat(cluster.query(
                        "SELECT schedule_id, scheduled_for FROM runs WHERE agent_id = ANY(?)"
                                + " GROUP BY schedule_id, scheduled_for HAVING count(*) > 1",
                        (Object) agents))
                .as("occurrences that ran more than once")
                .isEmpty();
    }

    /** From each schedule's first run to {@code until}, every occurrence has exactly one run. */
    private static void assertNoOccurrenceLostOrDoubled(String[] agents, Instant until) throws Exception {
        assertNoDoubles(agents);
        Map<Object, TreeSet<Long>> occurrences = occurrences(agents);
        assertThat(occurrences).hasSize(agents.length);
        occurrences.forEach((schedule, times) -> {
            List<Long> expected = new ArrayList<>();
            for (long t = times.first(); t <= until.toEpochMilli(); t += PERIOD_MILLIS) {
                expected.add(t);
            }
            assertThat(times.headSet(until.toEpochMilli(), true))
                    .as("occurrences of %s", schedule)
                    .containsExactlyElementsOf(expected);
        });
    }

    /**
     * From each schedule's first run to its last, every occurrence has one run or is counted in the schedule's
     * {@code missed_count} (the ones lost with Redis that catch-up may not run late: only the latest does).
     */
    private static void assertEveryOccurrenceRanOrWasCountedMissed(String[] agents) throws Exception {
        Map<Object, TreeSet<Long>> occurrences = occurrences(agents);
        Map<Object, Long> missed =
                cluster
                        .query("SELECT id, missed_count FROM schedules WHERE agent_id = ANY(?)", (Object) agents)
                        .stream()
                        .collect(Collectors.toMap(
                                row -> row.get("id"), row -> ((Number) row.get("missed_count")).longValue()));
        assertThat(occurrences).hasSize(agents.length);
        occurrences.forEach((schedule, times) -> {
            long last = times.last();
            long expected = (last - times.first()) / PERIOD_MILLIS + 1;
            long ran = times.size();
            assertThat(times).as("occurrences of %s", schedule).allSatisfy(t -> assertThat(
                            (t - times.first()) % PERIOD_MILLIS)
                    .isZero());
            assertThat(expected - ran)
                    .as("occurrences of %s without a run (%s)", schedule, times)
                    .isEqualTo(missed.get(schedule));
        });
    }

    private static Map<Object, TreeSet<Long>> occurrences(String[] agents) throws Exception {
        return cluster
                .query(
                        "SELECT schedule_id, (extract(epoch FROM scheduled_for) * 1000)::bigint AS occurrence"
                                + " FROM runs WHERE agent_id = ANY(?) AND scheduled_for IS NOT NULL",
                        (Object) agents)
                .stream()
                .collect(Collectors.groupingBy(
                        row -> row.get("schedule_id"),
                        Collectors.mapping(
                                row -> ((Number) row.get("occurrence")).longValue(),
                                Collectors.toCollection(TreeSet::new))));
    }

    private static Set<String> ids(List<Map<String, Object>> rows) {
        Set<String> ids = new HashSet<>();
        rows.forEach(row -> ids.add((String) row.get("id")));
        return ids;
    }
}
