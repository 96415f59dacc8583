package dev.agentcron.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three worker processes, each running the ticker and the consumers, share 200 second-level schedules for a
 * minute: every (schedule, occurrence) must run exactly once — no gap, no double — checked in the database.
 */
class ExactFiringIT {

    private static final int AGENTS = 200;
    private static final int PERIOD_SECONDS = 5;
    private static final Duration WINDOW = Duration.ofSeconds(60);

    @TempDir
    static Path workDir;

    private static EngineCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = EngineCluster.start("exact-firing", workDir, 3, Map.of());
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void firesEveryOccurrenceOfTwoHundredSchedulesExactlyOnceAcrossThreeWorkers() throws Exception {
        List<String> agentIds = createAgents();
        assertThat(cluster.workers()).hasSize(3);

        // The window starts at the first occurrence after every schedule was registered, with a period to spare
        long registeredMillis = cluster.count(
                "SELECT (extract(epoch FROM max(created_at)) * 1000)::bigint FROM schedules WHERE agent_id = ANY(?)",
                (Object) agentIds.toArray(String[]::new));
        long periodMillis = PERIOD_SECONDS * 1000L;
        long windowStart = (registeredMillis / periodMillis + 2) * periodMillis;
        long windowEnd = windowStart + WINDOW.toMillis();
        List<Long> expected = LongStream.iterate(windowStart, t -> t <= windowEnd, t -> t + periodMillis)
                .boxed()
                .toList();
        long expectedRuns = (long) AGENTS * expected.size();

        await("every occurrence of the window recorded and finished")
                .atMost(WINDOW.plus(Duration.ofMinutes(3)))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> Instant.now().toEpochMilli() > windowEnd
                        && finishedRunsInWindow(agentIds, windowStart, windowEnd) >= expectedRuns);

        List<Map<String, Object>> doubles = cluster.query(
                "SELECT schedule_id, scheduled_for, count(*) AS runs FROM runs WHERE agent_id = ANY(?)"
                        + " GROUP BY schedule_id, scheduled_for HAVING count(*) > 1",
                (Object) agentIds.toArray(String[]::new));
        assertThat(doubles).as("occurrences that ran more than once").isEmpty();

        List<Map<String, Object>> rows = cluster.query(
                "SELECT schedule_id, (extract(epoch FROM scheduled_for) * 1000)::bigint AS occurrence, status,"
                        + " trigger, worker_id FROM runs"
                        + " WHERE agent_id = ANY(?) AND scheduled_for BETWEEN to_timestamp(?::double precision / 1000)"
                        + " AND to_timestamp(?::double precision / 1000)",
                agentIds.toArray(String[]::new),
                windowStart,
                windowEnd);
        Map<Object, TreeSet<Long>> occurrences = rows.stream()
                .collect(Collectors.groupingBy(
                        row -> row.get("schedule_id"),
                        Collectors.mapping(
                                row -> ((Number) row.get("occurrence")).longValue(),
                                Collectors.toCollection(TreeSet::new))));
        assertThat(occurrences).as("schedules that ran in the window").hasSize(AGENTS);
        occurrences.forEach((schedule, times) ->
                assertThat(times).as("occurrences of %s", schedule).containsExactlyElementsOf(expected));
        assertThat(rows).hasSize((int) expectedRuns);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("trigger")).isEqualTo("schedule");
            assertThat(row.get("status")).isEqualTo("success");
        });
        assertThat(cluster.count(
                        "SELECT coalesce(sum(missed_count), 0) FROM schedules WHERE agent_id = ANY(?)",
                        (Object) agentIds.toArray(String[]::new)))
                .as("occurrences counted as missed")
                .isZero();
        assertThat(rows.stream().map(row -> row.get("worker_id")).collect(Collectors.toSet()))
                .as("the workers that ran them: all three shared the work")
                .containsExactlyInAnyOrder("worker-0", "worker-1", "worker-2");
    }

    private static long finishedRunsInWindow(List<String> agentIds, long windowStart, long windowEnd) throws Exception {
        return cluster.count(
                "SELECT count(*) FROM runs WHERE agent_id = ANY(?) AND status NOT IN ('queued', 'running', 'cancelling')"
                        + " AND scheduled_for BETWEEN to_timestamp(?::double precision / 1000)"
                        + " AND to_timestamp(?::double precision / 1000)",
                agentIds.toArray(String[]::new),
                windowStart,
                windowEnd);
    }

    private static List<String> createAgents() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < AGENTS; i++) {
                String name = "every-five-seconds-" + i;
                created.add(pool.submit(() -> {
                    ObjectNode body = EngineCluster.agent(name);
                    body.put("overlap", "allow"); // every occurrence runs, however long the one before takes
                    body.set("schedule", EngineCluster.cron("*/" + PERIOD_SECONDS + " * * * * *", 300));
                    return cluster.createAgent(body).path("id").asText();
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> id : created) {
                ids.add(id.get());
            }
            return ids;
        } finally {
            pool.shutdown();
        }
    }
}
