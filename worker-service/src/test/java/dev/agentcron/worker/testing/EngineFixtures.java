package dev.agentcron.worker.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcron.model.id.Ids;
import dev.agentcron.model.schedule.ScheduleParser;
import dev.agentcron.model.schedule.ScheduleSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Schedules and runs for the scheduling engine's tests, written over JDBC like {@link Fixtures}. */
public final class EngineFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EngineFixtures() {}

    /** A schedule of the agent from any accepted form (a JSON string or object); returns its id and spec. */
    public static Schedule schedule(String agentId, String scheduleJson) {
        ScheduleSpec spec;
        try {
            spec = ScheduleParser.parse(JSON.readTree(scheduleJson), "schedule", null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String id = Ids.next(Ids.SCHEDULE);
        Fixtures.update(
                "INSERT INTO schedules (id, agent_id, workspace_id, kind, spec, timezone, jitter_seconds,"
                        + " catchup_window_seconds, input, enabled)"
                        + " SELECT ?, id, workspace_id, ?, ?::jsonb, ?, ?, ?, ?::jsonb, ? FROM agents WHERE id = ?",
                id,
                spec.kind().wireName(),
                spec.toJson().toString(),
                spec.timezone().getId(),
                spec.jitterSeconds(),
                spec.catchupWindowSeconds(),
                spec.input().toString(),
                spec.enabled(),
                agentId);
        return new Schedule(id, agentId, spec);
    }

    /** A schedule as the tests hold it. */
    public record Schedule(String id, String agentId, ScheduleSpec spec) {}

    /**
     * Waits until at least 10 s are left in the current UTC minute, so the latest occurrence of a minutely schedule
     * does not change while a test computes it and then checks what fired.
     */
    public static void awaitEarlyInAMinute() {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> LocalTime.now(ZoneOffset.UTC).getSecond() < 50);
    }

    /** A queued run of the agent (as the api-service inserts a manual run); returns its id. */
    public static String queuedRun(String agentId, String trigger) {
        String id = Ids.next(Ids.RUN);
        Fixtures.update(
                "INSERT INTO runs (id, agent_id, workspace_id, trigger, status) SELECT ?, id, workspace_id, ?, 'queued'"
                        + " FROM agents WHERE id = ?",
                id,
                trigger,
                agentId);
        return id;
    }

    /** A run held by a worker that vanished: running (or cancelling) with a lease already expired. */
    public static String abandonedRun(String agentId, String status) {
        String id = Ids.next(Ids.RUN);
        Fixtures.update(
                "INSERT INTO runs (id, agent_id, workspace_id, trigger, status, attempt, worker_id, lease_expires_at,"
                        + " started_at) SELECT ?, id, workspace_id, 'manual', ?, 1, 'vanished-worker',"
                        + " now() - interval '1 second', now() - interval '10 seconds' FROM agents WHERE id = ?",
                id,
                status,
                agentId);
        return id;
    }

    /** The agent's runs, oldest occurrence (or queue time) first. */
    public static List<Map<String, Object>> runsOf(String agentId) {
        return Fixtures.rows(
                "SELECT * FROM runs WHERE agent_id = ? ORDER BY coalesce(scheduled_for, queued_at), id", agentId);
    }

    /** The schedule row. */
    public static Map<String, Object> scheduleRow(String scheduleId) {
        return Fixtures.one("SELECT * FROM schedules WHERE id = ?", scheduleId);
    }

    public static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant);
    }
}
