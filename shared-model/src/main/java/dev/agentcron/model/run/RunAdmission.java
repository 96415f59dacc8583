package dev.agentcron.model.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcron.model.id.Ids;
import dev.agentcron.model.limit.DailyLimitKind;
import dev.agentcron.model.limit.DailyLimiter;
import dev.agentcron.model.limit.DailyReservation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decides, for a trigger of an agent (a schedule's occurrence, a manual run, an event), whether a run is
 * queued, waits, or is recorded as skipped — and records it. One transaction per admission holds the
 * agent's row lock, so concurrent triggers of one agent are decided one after another: {@code overlap} and
 * {@code daily_limit} are exact under any concurrency.
 *
 * <ul>
 *   <li>Only {@code active} agents run (chat excepted); otherwise nothing is recorded.
 *   <li>{@code overlap}: {@code skip} records {@code skipped / overlap} when a run of the agent is queued or
 *       running; {@code buffer_one} lets one run wait ({@code queued}, status reason
 *       {@value #WAITING_FOR_ACTIVE_RUN}) and skips further ones; {@code allow} runs them all.
 *   <li>{@code daily_limit} in {@code task} mode: one unit per admitted run, else {@code skipped /
 *       daily_limit_reached} ({@code draft} mode reserves drafts at execution).
 *   <li>A schedule's occurrence is admitted at most once: a second delivery finds its run.
 * </ul>
 */
@ApplicationScoped
public class RunAdmission {

    public static final String WAITING_FOR_ACTIVE_RUN = "waiting_for_active_run";
    public static final String OVERLAP = "overlap";
    public static final String DAILY_LIMIT_REACHED = "daily_limit_reached";
    /** At most one queued or running run per chat thread. */
    public static final String THREAD_ACTIVE_INDEX = "runs_thread_active_uq";

    private static final String LOCK_AGENT = """
            SELECT workspace_id, status, overlap, output_mode, daily_limit FROM agents WHERE id = $1 FOR UPDATE""";
    /** Marks the occurrence as seen (idempotent: a later one is kept) and reads the schedule's state, in one trip. */
    private static final String MARK_OCCURRENCE = """
            UPDATE schedules SET last_scheduled_for = greatest(coalesce(last_scheduled_for, $2), $2) WHERE id = $1
            RETURNING enabled, input::text AS input,
                      (SELECT id FROM runs WHERE schedule_id = $1 AND scheduled_for = $2) AS run_id""";

    private static final String ACTIVE_RUNS = """
            SELECT count(*) FILTER (WHERE status_reason IS DISTINCT FROM $2) AS active,
                   count(*) FILTER (WHERE status_reason = $2) AS waiting
            FROM runs WHERE agent_id = $1 AND status IN ('queued', 'running', 'cancelling') AND trigger <> 'chat'""";
    private static final String INSERT_RUN = """
            INSERT INTO runs (id, agent_id, workspace_id, schedule_id, trigger, scheduled_for, status, status_reason,
                              input, thread_id, event_id, queued_at, completed_at, duration_ms)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now(),
                    CASE WHEN $7 = 'skipped' THEN now() END, CASE WHEN $7 = 'skipped' THEN 0 END)""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Pool pool;
    private final DailyLimiter dailyLimiter;

    public RunAdmission(Pool pool, DailyLimiter dailyLimiter) {
        this.pool = pool;
        this.dailyLimiter = dailyLimiter;
    }

    /** What to admit. */
    public record Request(
            String agentId,
            Trigger trigger,
            String scheduleId,
            Instant scheduledFor,
            JsonNode input,
            String eventId,
            String threadId) {

        public static Request occurrence(String agentId, String scheduleId, Instant scheduledFor, JsonNode input) {
            return new Request(agentId, Trigger.SCHEDULE, scheduleId, scheduledFor, input, null, null);
        }

        public static Request manual(String agentId, JsonNode input) {
            return new Request(agentId, Trigger.MANUAL, null, null, input, null, null);
        }

        public static Request event(String agentId, JsonNode input, String eventId) {
            return new Request(agentId, Trigger.EVENT, null, null, input, eventId, null);
        }

        public static Request chat(String agentId, String threadId) {
            return new Request(agentId, Trigger.CHAT, null, null, null, null, threadId);
        }
    }

    /**
     * Work done in the admission's transaction once the run is recorded (a chat turn stores its user message);
     * when it fails, nothing of the admission is kept.
     */
    @FunctionalInterface
    public interface AlsoInTransaction {
        Uni<Void> apply(SqlConnection connection, Admission admission);
    }

    /** How an admission ended. */
    public enum Outcome {
        /** Recorded {@code queued}: enqueue it. */
        QUEUED,
        /** Recorded {@code queued}, waiting for the agent's active run to end (buffer_one). */
        WAITING,
        /** Recorded {@code skipped}; {@link Admission#statusReason()} says why. */
        SKIPPED,
        /** The schedule's occurrence already has a run. */
        DUPLICATE,
        /** Nothing recorded: the agent is not active, or the schedule is gone or disabled. */
        NOT_ACTIVE,
        /** Nothing recorded: the agent does not exist. */
        AGENT_GONE
    }

    /** The result: the run (when one was recorded or found) and its status. */
    public record Admission(Outcome outcome, String runId, String workspaceId, String statusReason) {

        public boolean recorded() {
            return outcome == Outcome.QUEUED || outcome == Outcome.WAITING || outcome == Outcome.SKIPPED;
        }
    }

    private record AgentRow(String workspaceId, String status, String overlap, String outputMode, Integer dailyLimit) {}

    /** Admits one trigger; see the class comment for the rules. */
    public Uni<Admission> admit(Request request) {
        return admit(request, (connection, admission) -> Uni.createFrom().voidItem());
    }

    /**
     * Admits one trigger and runs {@code also} in the same transaction when a run was recorded. A chat run of a
     * thread that already has a queued or running one breaks the unique index {@value #THREAD_ACTIVE_INDEX}.
     */
    public Uni<Admission> admit(Request request, AlsoInTransaction also) {
        AtomicReference<DailyReservation> reserved = new AtomicReference<>();
        return pool.withTransaction(connection -> decide(connection, request, reserved)
                        .call(admission -> admission.recorded()
                                ? also.apply(connection, admission)
                                : Uni.createFrom().voidItem()))
                .onFailure()
                .call(() -> releaseUnused(reserved.get()));
    }

    private Uni<Admission> decide(
            SqlConnection connection, Request request, AtomicReference<DailyReservation> reserved) {
        return lockAgent(connection, request.agentId()).chain(agent -> {
            if (agent == null) {
                return Uni.createFrom().item(new Admission(Outcome.AGENT_GONE, null, null, null));
            }
            if (request.scheduleId() != null) {
                return admitOccurrence(connection, agent, request, reserved);
            }
            return admitActive(connection, agent, request, reserved);
        });
    }

    private Uni<AgentRow> lockAgent(SqlConnection connection, String agentId) {
        return connection.preparedQuery(LOCK_AGENT).execute(Tuple.of(agentId)).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row row = rows.iterator().next();
            return new AgentRow(
                    row.getString("workspace_id"),
                    row.getString("status"),
                    row.getString("overlap"),
                    row.getString("output_mode"),
                    row.getInteger("daily_limit"));
        });
    }

    private Uni<Admission> admitOccurrence(
            SqlConnection connection, AgentRow agent, Request request, AtomicReference<DailyReservation> reserved) {
        OffsetDateTime occurrence = utc(request.scheduledFor());
        return connection
                .preparedQuery(MARK_OCCURRENCE)
                .execute(Tuple.of(request.scheduleId(), occurrence))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom()
                                .item(new Admission(Outcome.NOT_ACTIVE, null, agent.workspaceId(), null));
                    }
                    Row schedule = rows.iterator().next();
                    String existing = schedule.getString("run_id");
                    if (existing != null) {
                        return Uni.createFrom()
                                .item(new Admission(Outcome.DUPLICATE, existing, agent.workspaceId(), null));
                    }
                    if (!schedule.getBoolean("enabled")) {
                        return Uni.createFrom()
                                .item(new Admission(Outcome.NOT_ACTIVE, null, agent.workspaceId(), null));
                    }
                    Request withInput = new Request(
                            request.agentId(),
                            request.trigger(),
                            request.scheduleId(),
                            request.scheduledFor(),
                            readJson(schedule.getString("input")),
                            null,
                            null);
                    return admitActive(connection, agent, withInput, reserved);
                });
    }

    private Uni<Admission> admitActive(
            SqlConnection connection, AgentRow agent, Request request, AtomicReference<DailyReservation> reserved) {
        if (request.trigger() == Trigger.CHAT) {
            return insert(connection, agent, request, Outcome.QUEUED, null);
        }
        if (!"active".equals(agent.status())) {
            return Uni.createFrom().item(new Admission(Outcome.NOT_ACTIVE, null, agent.workspaceId(), null));
        }
        return overlapOutcome(connection, agent, request)
                .chain(outcome -> outcome == Outcome.SKIPPED
                        ? insert(connection, agent, request, Outcome.SKIPPED, OVERLAP)
                        : reserveDaily(connection, agent, request, reserved)
                                .chain(granted -> granted
                                        ? insert(
                                                connection,
                                                agent,
                                                request,
                                                outcome,
                                                outcome == Outcome.WAITING ? WAITING_FOR_ACTIVE_RUN : null)
                                        : insert(connection, agent, request, Outcome.SKIPPED, DAILY_LIMIT_REACHED)));
    }

    private Uni<Outcome> overlapOutcome(SqlConnection connection, AgentRow agent, Request request) {
        if ("allow".equals(agent.overlap())) {
            return Uni.createFrom().item(Outcome.QUEUED);
        }
        return connection
                .preparedQuery(ACTIVE_RUNS)
                .execute(Tuple.of(request.agentId(), WAITING_FOR_ACTIVE_RUN))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    long active = row.getLong("active");
                    long waiting = row.getLong("waiting");
                    if (active == 0 && waiting == 0) {
                        return Outcome.QUEUED;
                    }
                    return "buffer_one".equals(agent.overlap()) && waiting == 0 ? Outcome.WAITING : Outcome.SKIPPED;
                });
    }

    private Uni<Boolean> reserveDaily(
            SqlConnection connection, AgentRow agent, Request request, AtomicReference<DailyReservation> reserved) {
        if (agent.dailyLimit() == null
                || DailyLimitKind.forOutputMode(agent.outputMode()) != DailyLimitKind.STARTED_RUNS) {
            return Uni.createFrom().item(true);
        }
        return dailyLimiter
                .reserve(connection, request.agentId(), DailyLimitKind.STARTED_RUNS, agent.dailyLimit(), 1)
                .invoke(reserved::set)
                .map(reservation -> !reservation.isEmpty());
    }

    private Uni<Admission> insert(
            SqlConnection connection, AgentRow agent, Request request, Outcome outcome, String statusReason) {
        String runId = Ids.next(Ids.RUN);
        String status = outcome == Outcome.SKIPPED ? RunStatus.SKIPPED.value() : RunStatus.QUEUED.value();
        Tuple values = Tuple.tuple()
                .addString(runId)
                .addString(request.agentId())
                .addString(agent.workspaceId())
                .addString(request.scheduleId())
                .addString(request.trigger().value())
                .addOffsetDateTime(request.scheduledFor() == null ? null : utc(request.scheduledFor()))
                .addString(status)
                .addString(statusReason)
                .addValue(
                        request.input() == null || request.input().isNull()
                                ? new JsonObject()
                                : new JsonObject(request.input().toString()))
                .addString(request.threadId())
                .addString(request.eventId());
        return connection
                .preparedQuery(INSERT_RUN)
                .execute(values)
                .replaceWith(new Admission(outcome, runId, agent.workspaceId(), statusReason));
    }

    private Uni<Void> releaseUnused(DailyReservation reservation) {
        return reservation == null || reservation.isEmpty()
                ? Uni.createFrom().voidItem()
                : dailyLimiter.release(reservation, reservation.granted());
    }

    private static JsonNode readJson(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable schedule input " + json, e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
