package dev.agentcron.worker.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentcron.model.queue.RunEventType;
import dev.agentcron.model.run.RunStatus;
import dev.agentcron.model.run.Trigger;
import dev.agentcron.worker.chat.ChatTurn;
import dev.agentcron.worker.gateway.GatewayUnavailableException;
import dev.agentcron.worker.run.store.FinishedRun;
import dev.agentcron.worker.run.store.RunTotals;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Executes a claimed run and records everything about it. The contract with the scheduling engine:
 *
 * <ol>
 *   <li>The engine claims the run in PostgreSQL ({@code UPDATE runs SET status = 'running', attempt = attempt
 *       + 1, worker_id = ?, lease_expires_at = ?, started_at = coalesce(started_at, now()) WHERE id = ? AND
 *       status = 'queued' RETURNING *}), builds a {@link RunContext} with {@link RunContexts} (from the
 *       returned row and the agent, or {@link RunContexts#load(String)}), renews the lease while the returned
 *       {@link Uni} is pending, and calls {@link CancellationToken#cancel(String)} when a user cancels the run
 *       or the lease is lost.
 *   <li>{@link #execute(RunContext)} owns the rest: the {@code thread.run.*} events, every step, the run's
 *       totals as they grow, its final row, and the agent's bookkeeping ({@code last_run_at}, {@code
 *       last_run_status}, {@code consecutive_failures}, pause after {@code pause_after_failures}). Each write
 *       is fenced by the context's {@code attempt}; when one finds the run owned by another attempt, the
 *       execution stops and writes nothing more ({@link RunResult#recorded()} false, no terminal event).
 *   <li>A run whose row is {@code cancelling} when it ends, or whose token was cancelled, ends {@code
 *       cancelled} with its output so far; {@code run_timeout_seconds} ends it {@code timed_out}.
 * </ol>
 *
 * The returned {@link Uni} fails only when the end could not be written (PostgreSQL unreachable); the run
 * then stays {@code running} for the lease recovery to end. Chat runs ({@code trigger = chat}) run one turn
 * of their thread ({@link ChatTurn}).
 */
@ApplicationScoped
public class RunExecutor {

    private static final Logger LOG = Logger.getLogger(RunExecutor.class);

    private final RunSessions sessions;
    private final TaskLoop taskLoop;
    private final DraftLoop draftLoop;
    private final TaskConversation taskConversation;
    private final ChatTurn chatTurn;

    public RunExecutor(
            RunSessions sessions,
            TaskLoop taskLoop,
            DraftLoop draftLoop,
            TaskConversation taskConversation,
            ChatTurn chatTurn) {
        this.sessions = sessions;
        this.taskLoop = taskLoop;
        this.draftLoop = draftLoop;
        this.taskConversation = taskConversation;
        this.chatTurn = chatTurn;
    }

    /** Runs the agent for the claimed run and records how it ended. */
    public Uni<RunResult> execute(RunContext ctx) {
        return Uni.createFrom().item(() -> sessions.open(ctx)).chain(session -> Uni.createFrom()
                .deferred(() -> work(session))
                .onFailure()
                .recoverWithItem(failure -> outcomeOf(session, failure))
                .chain(outcome -> record(session, outcome))
                .eventually(session::close));
    }

    private Uni<RunOutcome> work(RunSession session) {
        session.announce();
        RunContext ctx = session.context();
        if (Trigger.CHAT.value().equals(ctx.run().trigger)) {
            return chatTurn.run(session);
        }
        if ("draft".equals(ctx.agent().outputMode)) {
            return draftLoop.run(session);
        }
        return taskLoop.run(session, taskConversation);
    }

    private RunOutcome outcomeOf(RunSession session, Throwable failure) {
        RunControl.StopReason stop = session.control().reason();
        String output = session.outputSoFar();
        if (stop == RunControl.StopReason.CANCELLED || stop == RunControl.StopReason.LEASE_LOST) {
            return RunOutcome.cancelled(output);
        }
        if (stop == RunControl.StopReason.TIMED_OUT) {
            return RunOutcome.timedOut(
                    "the run exceeded run_timeout_seconds (" + session.context().agent().runTimeoutSeconds + " s)",
                    output);
        }
        if (failure instanceof BudgetExceededException budget) {
            return RunOutcome.budgetExceeded(budget.getMessage(), output);
        }
        if (failure instanceof GatewayUnavailableException gateway) {
            return RunOutcome.error(gateway.code(), gateway.getMessage(), output);
        }
        LOG.errorf(failure, "Run %s failed unexpectedly", session.runId());
        return RunOutcome.error("internal_error", "the worker failed while running the agent", output);
    }

    private Uni<RunResult> record(RunSession session, RunOutcome reached) {
        RunContext ctx = session.context();
        RunTotals totals = session.totals();
        if (session.control().reason() == RunControl.StopReason.LEASE_LOST) {
            LOG.warnf("Run %s attempt %d lost its run: its end is not recorded", ctx.runId(), ctx.attempt());
            return Uni.createFrom().item(result(ctx, false, reached, reached.status(), totals));
        }
        RunOutcome outcome = session.control().reason() == RunControl.StopReason.CANCELLED
                ? RunOutcome.cancelled(reached.output())
                : reached;
        return session.store()
                .finish(ctx, outcome, totals)
                .chain(finished -> announceEnd(session, outcome, totals, finished));
    }

    private Uni<RunResult> announceEnd(
            RunSession session, RunOutcome outcome, RunTotals totals, Optional<FinishedRun> finished) {
        RunContext ctx = session.context();
        if (finished.isEmpty()) {
            LOG.warnf(
                    "Run %s attempt %d: the run was taken over or ended elsewhere; its end is not recorded",
                    ctx.runId(), ctx.attempt());
            return Uni.createFrom().item(result(ctx, false, outcome, outcome.status(), totals));
        }
        RunStatus status = finished.get().status();
        return session.events()
                .close(terminalType(status), terminalData(session, outcome, status, totals))
                .replaceWith(result(ctx, true, outcome, status, totals));
    }

    private static RunEventType terminalType(RunStatus status) {
        return status == RunStatus.SUCCESS ? RunEventType.COMPLETED : RunEventType.FAILED;
    }

    /**
     * {@code completed}: status and usage. {@code failed}: status and {@code error {code, message}}, the code
     * being the run's error code, else its status reason, else its status ({@code cancelled}).
     */
    private static ObjectNode terminalData(RunSession session, RunOutcome outcome, RunStatus status, RunTotals totals) {
        ObjectNode data = session.mapper().createObjectNode();
        if (status == RunStatus.SUCCESS) {
            data.put("status", "completed");
            data.putObject("usage")
                    .put("input_tokens", totals.inputTokens())
                    .put("output_tokens", totals.outputTokens())
                    .put("cost_usd", totals.costUsd());
            return data;
        }
        data.put("status", "failed");
        ObjectNode error = data.putObject("error");
        if (status == RunStatus.CANCELLED) {
            error.put("code", "cancelled").put("message", "the run was cancelled");
        } else if (outcome.error() != null) {
            error.put("code", outcome.error().code())
                    .put("message", outcome.error().message());
        } else if (outcome.statusReason() != null) {
            error.put("code", outcome.statusReason())
                    .put(
                            "message",
                            "run " + status.value() + ": "
                                    + outcome.statusReason().replace('_', ' '));
        } else {
            error.put("code", status.value()).put("message", "run " + status.value());
        }
        return data;
    }

    private static RunResult result(
            RunContext ctx, boolean recorded, RunOutcome outcome, RunStatus status, RunTotals totals) {
        return new RunResult(
                ctx.runId(),
                ctx.attempt(),
                recorded,
                status,
                outcome.statusReason(),
                outcome.output(),
                status == RunStatus.CANCELLED ? null : outcome.error(),
                totals.model(),
                totals.inputTokens(),
                totals.outputTokens(),
                totals.costUsd(),
                totals.numTurns());
    }
}
