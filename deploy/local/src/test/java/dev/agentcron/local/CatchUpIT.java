package dev.agentcron.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catch-up after every worker was stopped for longer than the catch-up window: a schedule runs its latest
 * missed occurrence once, late, if it is still inside the window, counts the others in {@code missed_count},
 * and never bursts.
 */
class CatchUpIT {

    private static final int CATCH_UP_SECONDS = 15;
    private static final long PERIOD_MILLIS = 5_000;

    @TempDir
    Path workDir;

    private EngineCluster cluster;

    @AfterEach
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void runsTheLatestMissedOccurrenceOnceAndCountsTheRestAfterADowntime() throws Exception {
        cluster = EngineCluster.start("catch-up", workDir, 1, Map.of());
        List<String> periodic = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ObjectNode body = EngineCluster.agent("catching-up-" + i);
            body.set("schedule", EngineCluster.cron("*/5 * * * * *", CATCH_UP_SECONDS));
            periodic.add(cluster.createAgent(body).path("id").asText());
        }
        String[] periodicIds = periodic.toArray(String[]::new);
        await("every schedule fired twice")
                .atMost(Duration.ofMinutes(1))
                .until(() -> cluster.count(
                                "SELECT count(*) FROM (SELECT agent_id FROM runs WHERE agent_id = ANY(?)"
                                        + " GROUP BY agent_id HAVING count(*) >= 2) fired",
                                (Object) periodicIds)
                        == periodic.size());

        // Two one-off schedules due while nothing runs: one with a wide window, one with a narrow one
        Instant at = Instant.now().plusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
        String onceLate = createOnce("once-inside-the-window", at, 300);
        String onceMissed = createOnce("once-outside-the-window", at, 5);

        cluster.stop();
        Instant stopped = Instant.now();
        assertThat(stopped).as("stopped before the one-off schedules were due").isBefore(at);
        await("down for longer than every catch-up window")
                .atMost(Duration.ofMinutes(2))
                .until(() -> Instant.now().isAfter(at.plusSeconds(CATCH_UP_SECONDS + 5)));
        cluster.restart();
        Instant restarted = Instant.now();

        await("every schedule fires again")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> cluster.count(
                                "SELECT count(DISTINCT agent_id) FROM runs WHERE agent_id = ANY(?) AND scheduled_for > ?",
                                periodicIds,
                                Timestamp.from(restarted.plusSeconds(5)))
                        == periodic.size());
        await("the late one-off run finished")
                .atMost(Duration.ofMinutes(1))
                .until(() ->
                        cluster.count("SELECT count(*) FROM runs WHERE agent_id = ? AND status = 'success'", onceLate)
                                == 1);

        for (String agent : periodic) {
            List<Long> occurrences = cluster
                    .query(
                            "SELECT (extract(epoch FROM scheduled_for) * 1000)::bigint AS t FROM runs"
                                    + " WHERE agent_id = ? ORDER BY scheduled_for",
                            agent)
                    .stream()
                    .map(row -> ((Number) row.get("t")).longValue())
                    .toList();
            long lastBefore = occurrences.stream()
                    .filter(t -> t <= stopped.toEpochMilli())
                    .mapToLong(Long::longValue)
                    .max()
                    .orElseThrow();
            List<Long> afterStop =
                    occurrences.stream().filter(t -> t > stopped.toEpochMilli()).toList();
            assertThat(afterStop).as("runs of %s after the restart", agent).isNotEmpty();
            long late = afterStop.get(0);
            List<Long> regular = new ArrayList<>();
            for (int i = 0; i < afterStop.size(); i++) {
                regular.add(late + i * PERIOD_MILLIS);
            }
            assertThat(afterStop)
                    .as("one late run of %s, then every occurrence again, never a burst (%s)", agent, occurrences)
                    .containsExactlyElementsOf(regular);
            Map<String, Object> lateRun = cluster.query(
                            "SELECT queued_at, trigger FROM runs WHERE agent_id = ? AND scheduled_for = ?",
                            agent,
                            Timestamp.from(Instant.ofEpochMilli(late)))
                    .get(0);
            assertThat(lateRun.get("trigger")).isEqualTo("schedule");
            assertThat(Duration.between(Instant.ofEpochMilli(late), ((Timestamp) lateRun.get("queued_at")).toInstant()))
                    .as("the late run is inside its catch-up window")
                    .isLessThanOrEqualTo(Duration.ofSeconds(CATCH_UP_SECONDS));
            long missedOccurrences = (late - lastBefore) / PERIOD_MILLIS - 1;
            assertThat(missedOccurrences)
                    .as("the downtime was longer than the window")
                    .isGreaterThan(2);
            assertThat(cluster.count("SELECT missed_count FROM schedules WHERE agent_id = ?", agent))
                    .as("missed_count of %s", agent)
                    .isEqualTo(missedOccurrences);
        }

        List<Map<String, Object>> lateOnce =
                cluster.query("SELECT scheduled_for, queued_at FROM runs WHERE agent_id = ?", onceLate);
        assertThat(lateOnce).hasSize(1);
        assertThat(((Timestamp) lateOnce.get(0).get("scheduled_for")).toInstant())
                .isEqualTo(at);
        assertThat(((Timestamp) lateOnce.get(0).get("queued_at")).toInstant()).isAfter(restarted.minusSeconds(60));
        assertThat(cluster.count("SELECT missed_count FROM schedules WHERE agent_id = ?", onceLate))
                .isZero();

        assertThat(cluster.count("SELECT count(*) FROM runs WHERE agent_id = ?", onceMissed))
                .as("runs of the one-off schedule whose window had passed")
                .isZero();
        assertThat(cluster.count("SELECT missed_count FROM schedules WHERE agent_id = ?", onceMissed))
                .isEqualTo(1);
    }

    private String createOnce(String name, Instant at, int catchUpSeconds) {
        ObjectNode body = EngineCluster.agent(name);
        ObjectNode schedule = body.putObject("schedule");
        schedule.put("kind", "once");
        schedule.put("at", at.toString());
        schedule.put("catchup_window_seconds", catchUpSeconds);
        return cluster.createAgent(body).path("id").asText();
    }
}
