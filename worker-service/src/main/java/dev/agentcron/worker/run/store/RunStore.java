package dev.agentcron.worker.run.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcron.model.agent.AgentEntity;
import dev.agentcron.model.run.RunEntity;
import dev.agentcron.model.run.RunStatus;
import dev.agentcron.worker.run.RunContext;
import dev.agentcron.worker.run.RunError;
import dev.agentcron.worker.run.RunOutcome;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;

/**
 * A run's writes while it executes, each fenced by its attempt ({@code WHERE id = :id AND attempt =
 * :attempt AND status IN ('running', 'cancelling')}): a worker whose run was taken over by another attempt
 * writes nothing more. Each write is one statement, through the reactive SQL client, so it can be issued from
 * any thread.
 */
@ApplicationScoped
public class RunStore {

    private static final String FENCE = "id = $1 AND attempt = $2 AND status IN ('running', 'cancelling')";

    private static final String STEP =
            "WITH r AS (UPDATE runs SET model = coalesce($3::text, model), input_tokens = $4,"
                    + " output_tokens = $5, cost_usd = $6, num_turns = $7 WHERE " + FENCE + " RETURNING id, status),"
                    + " s AS (INSERT INTO run_steps (run_id, attempt, seq, kind, model, tool_name, input_tokens,"
                    + " output_tokens, cost_usd, duration_ms, outcome, error, detail, started_at)"
                    + " SELECT r.id, $2::int, $8::int, $9::text, $10::text, $11::text, $12::bigint, $13::bigint,"
                    + " $14::numeric, $15::bigint, $16::text, $17::text::jsonb, $18::text::jsonb, $19::timestamptz"
                    + " FROM r)"
                    + " SELECT status FROM r";

    /**
     * Agent bookkeeping for a run that ended with {@code status} (an SQL expression): {@code error} and {@code
     * timed_out} runs count as failures; {@code success} resets the count; {@code cancelled}, {@code skipped} and
     * {@code budget_exceeded} leave it as it is (the user or a limit stopped them, not a fault). Reaching {@code
     * pause_after_failures} moves an active agent to {@code error}.
     */
    private static String agentBookkeeping(String status) {
        String pauses = "agents.status = 'active' AND agents.pause_after_failures IS NOT NULL"
                + " AND agents.consecutive_failures + 1 >= agents.pause_after_failures";
        String failed = status + " IN ('error', 'timed_out')";
        return "last_run_at = now(), last_run_status = " + status + ","
                + " consecutive_failures = CASE WHEN " + status + " = 'success' THEN 0"
                + "   WHEN " + failed + " THEN agents.consecutive_failures + 1 ELSE agents.consecutive_failures END,"
                + " status = CASE WHEN " + failed + " AND " + pauses + " THEN 'error' ELSE agents.status END,"
                + " status_reason = CASE WHEN " + failed + " AND " + pauses
                + "   THEN 'paused after ' || (agents.consecutive_failures + 1) || ' consecutive failed runs'"
                + "   ELSE agents.status_reason END,"
                + " updated_at = CASE WHEN " + failed + " AND " + pauses + " THEN now() ELSE agents.updated_at END";
    }

    private static final String AGENT = "UPDATE agents SET " + agentBookkeeping("$2::text") + " WHERE id = $1";

    /** Ends the run and does its agent's bookkeeping in one statement (atomic, one round trip). */
    private static final String FINISH = "WITH r AS (UPDATE runs SET"
            + " status = CASE WHEN status = 'cancelling' THEN 'cancelled' ELSE $3::text END,"
            + " status_reason = CASE WHEN status = 'cancelling' THEN status_reason ELSE $4::text END,"
            + " error = CASE WHEN status = 'cancelling' THEN NULL ELSE $5::text::jsonb END,"
            + " output = $6, model = coalesce($7::text, model), input_tokens = $8, output_tokens = $9, cost_usd = $10,"
            + " num_turns = $11, completed_at = now(), lease_expires_at = NULL,"
            + " duration_ms = (extract(epoch FROM now() - coalesce(started_at, now())) * 1000)::bigint"
            + " WHERE " + FENCE + " RETURNING agent_id, status, duration_ms),"
            + " a AS (UPDATE agents SET " + agentBookkeeping("r.status") + " FROM r WHERE agents.id = r.agent_id)"
            + " SELECT status, duration_ms FROM r";

    private final Pool pool;
    private final ObjectMapper mapper;
    private final RunRows rows;

    public RunStore(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
        this.rows = new RunRows(mapper);
    }

    /** The run, or null. */
    public Uni<RunEntity> findRun(String runId) {
        return pool.preparedQuery("SELECT * FROM runs WHERE id = $1")
                .execute(Tuple.of(runId))
                .map(rs -> first(rs).map(rows::run).orElse(null));
    }

    /** The agent, or null. */
    public Uni<AgentEntity> findAgent(String agentId) {
        return pool.preparedQuery("SELECT * FROM agents WHERE id = $1")
                .execute(Tuple.of(agentId))
                .map(rs -> first(rs).map(rows::agent).orElse(null));
    }

    /** Writes a step and the run's totals so far, in one statement. */
    public Uni<Fence> recordStep(RunContext ctx, StepRecord step, RunTotals totals) {
        Tuple params = Tuple.tuple(Arrays.asList(
                ctx.runId(),
                ctx.attempt(),
                totals.model(),
                totals.inputTokens(),
                totals.outputTokens(),
                totals.costUsd(),
                totals.numTurns(),
                step.seq(),
                step.kind(),
                step.model(),
                step.toolName(),
                step.inputTokens(),
                step.outputTokens(),
                step.costUsd(),
                step.durationMs(),
                step.outcome(),
                text(step.error()),
                text(step.detail()),
                step.startedAt().atOffset(ZoneOffset.UTC)));
        return pool.preparedQuery(STEP).execute(params).map(rs -> first(rs)
                .map(row -> "cancelling".equals(row.getString("status")) ? Fence.CANCELLING : Fence.HELD)
                .orElse(Fence.LOST));
    }

    /** Ends the run and updates its agent, atomically; empty when the fence no longer holds (nothing written). */
    public Uni<Optional<FinishedRun>> finish(RunContext ctx, RunOutcome outcome, RunTotals totals) {
        Tuple params = Tuple.tuple(Arrays.asList(
                ctx.runId(),
                ctx.attempt(),
                outcome.status().value(),
                outcome.statusReason(),
                text(errorJson(outcome.error())),
                outcome.output(),
                totals.model(),
                totals.inputTokens(),
                totals.outputTokens(),
                totals.costUsd(),
                totals.numTurns()));
        return pool.preparedQuery(FINISH).execute(params).map(rs -> first(rs)
                .map(row -> new FinishedRun(RunStatus.of(row.getString("status")), row.getLong("duration_ms"))));
    }

    /**
     * The agent's bookkeeping for a run that ended without its executor (the lease recovery ended it): the same
     * rules as for {@link #finish}.
     */
    public Uni<Void> recordAgentOutcome(String agentId, RunStatus status) {
        return pool.preparedQuery(AGENT)
                .execute(Tuple.of(agentId, status.value()))
                .replaceWithVoid();
    }

    private JsonNode errorJson(RunError error) {
        if (error == null) {
            return null;
        }
        return mapper.createObjectNode().put("code", error.code()).put("message", error.message());
    }

    private static String text(JsonNode node) {
        return node == null ? null : node.toString();
    }

    private static Optional<Row> first(RowSet<Row> rows) {
        RowIterator<Row> it = rows.iterator();
        return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
    }
}
