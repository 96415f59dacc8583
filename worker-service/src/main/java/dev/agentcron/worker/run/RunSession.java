package dev.agentcron.worker.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentcron.model.queue.RunEventType;
import dev.agentcron.worker.gateway.Attempt;
import dev.agentcron.worker.gateway.CallHooks;
import dev.agentcron.worker.gateway.ChatRequest;
import dev.agentcron.worker.gateway.Completion;
import dev.agentcron.worker.gateway.TokenEstimates;
import dev.agentcron.worker.gateway.ToolCall;
import dev.agentcron.worker.run.event.RunEventStream;
import dev.agentcron.worker.run.store.Fence;
import dev.agentcron.worker.run.store.RunTotals;
import dev.agentcron.worker.run.store.StepRecord;
import dev.agentcron.worker.tool.ToolInvocation;
import dev.agentcron.worker.tool.ToolOutcome;
import io.smallrye.mutiny.Uni;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The state of one execution of a run: its stop signal, totals, event stream and output so far. It is the
 * {@link CallHooks} of every model call the run makes: it checks the budget before each attempt, streams
 * deltas as events, and records each attempt as a step (fenced by the run's attempt).
 */
public final class RunSession implements CallHooks {

    private static final Logger LOG = Logger.getLogger(RunSession.class);

    private final RunContext ctx;
    private final RunSessions services;
    private final ObjectMapper mapper;
    private final RunControl control = new RunControl();
    private final RunLedger ledger;
    private final RunEventStream events;
    private final Runnable tokenRegistration;
    private final long timeoutTimer;
    private final StringBuilder streaming = new StringBuilder();
    private volatile String lastText = "";
    private volatile Supplier<String> output;

    RunSession(RunContext ctx, RunSessions services) {
        this.ctx = ctx;
        this.services = services;
        this.mapper = services.mapper;
        this.ledger = new RunLedger(ctx.agent().maxBudgetUsd);
        this.events = services.events.open(ctx.runId());
        this.tokenRegistration = ctx.cancellation().onCancel(() -> control.stop(RunControl.StopReason.CANCELLED));
        long timeoutMillis = ctx.agent().runTimeoutSeconds * 1000L;
        this.timeoutTimer = services.vertx.setTimer(timeoutMillis, id -> control.stop(RunControl.StopReason.TIMED_OUT));
    }

    public RunContext context() {
        return ctx;
    }

    public String runId() {
        return ctx.runId();
    }

    /** Replaces "the latest text" as the output so far (draft mode reports its drafts instead). */
    public void useOutput(Supplier<String> supplier) {
        this.output = supplier;
    }

    public RunControl control() {
        return control;
    }

    public RunEventStream events() {
        return events;
    }

    dev.agentcron.worker.run.store.RunStore store() {
        return services.store;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** Publishes {@code thread.run.created}. */
    void announce() {
        ObjectNode data = mapper.createObjectNode().put("run_id", ctx.runId());
        data.put("thread_id", ctx.run().threadId);
        events.publish(RunEventType.RUN_CREATED, data);
    }

    /** One model call through the agent's model and fallbacks. */
    public Uni<Completion> callModel(ChatRequest request) {
        return services.caller.call(models(), request, this).invoke(this::remember);
    }

    private List<String> models() {
        List<String> models = new ArrayList<>(1 + ctx.agent().modelFallbacks.size());
        models.add(ctx.agent().modelId);
        for (String fallback : ctx.agent().modelFallbacks) {
            if (!models.contains(fallback)) {
                models.add(fallback);
            }
        }
        return models;
    }

    private void remember(Completion completion) {
        if (!completion.content().isBlank()) {
            lastText = completion.content();
        }
        synchronized (streaming) {
            streaming.setLength(0);
        }
    }

    /** Runs one tool call: event, execution, step, result event. Never fails for a tool's own failure. */
    public Uni<ToolOutcome> runTool(ToolCall call) {
        Instant startedAt = Instant.now();
        return control.check()
                .invoke(() -> publishToolCall(call))
                .chain(() -> untilStopped(
                        services.tools.execute(new ToolInvocation(ctx.agent(), ctx.runId(), ctx.attempt()), call)))
                .call(outcome -> record(toolStep(outcome, startedAt)))
                .invoke(this::publishToolResult);
    }

    /** {@code work}, abandoned with the stop failure as soon as the run stops (a slow fetch, for one). */
    private <T> Uni<T> untilStopped(Uni<T> work) {
        Uni<T> stop = control.stopped().onItem().transformToUni(ignored -> Uni.createFrom()
                .failure(control.failure()));
        return Uni.combine().any().of(work, stop);
    }

    private void publishToolCall(ToolCall call) {
        ObjectNode data = mapper.createObjectNode().put("id", call.id()).put("name", call.name());
        data.set("arguments", ToolArgumentsView.of(mapper, call.arguments()));
        events.publish(RunEventType.TOOL_CALL, data);
    }

    private void publishToolResult(ToolOutcome outcome) {
        ObjectNode data = mapper.createObjectNode().put("id", outcome.callId()).put("name", outcome.name());
        data.set("result", outcome.result());
        events.publish(RunEventType.TOOL_RESULT, data);
    }

    /** The tool result text for the model's {@code tool} message. */
    public String toolResultForModel(ToolOutcome outcome) {
        return services.tools.forModel(outcome.result());
    }

    /** The output so far: the text of the latest response, partial when a stop interrupted it. */
    public String outputSoFar() {
        Supplier<String> custom = output;
        if (custom != null) {
            return custom.get();
        }
        synchronized (streaming) {
            if (streaming.length() > 0) {
                return streaming.toString();
            }
        }
        return lastText.isEmpty() ? null : lastText;
    }

    public RunTotals totals() {
        return ledger.totals();
    }

    /** Whether the run has spent more than {@code max_budget_usd}. */
    public boolean overBudget() {
        return ledger.overBudget();
    }

    /** A message naming what was spent, for a run that went over its budget. */
    public String overBudgetMessage() {
        return "spent $" + ledger.cost().stripTrailingZeros().toPlainString() + " of the $"
                + ledger.budget().stripTrailingZeros().toPlainString() + " budget";
    }

    /** Stops the timer and the token subscription. */
    void close() {
        services.vertx.cancelTimer(timeoutTimer);
        tokenRegistration.run();
    }

    // CallHooks

    @Override
    public Uni<Void> beforeAttempt(String model, ChatRequest request) {
        synchronized (streaming) {
            streaming.setLength(0);
        }
        BigDecimal left = ledger.left();
        if (left == null) {
            return control.check();
        }
        long inputTokens = TokenEstimates.inputTokens(request);
        BigDecimal worstCase = services.pricing.cost(model, inputTokens, request.maxTokens());
        if (worstCase.compareTo(left) > 0) {
            return Uni.createFrom()
                    .failure(new BudgetExceededException("the next call to " + model + " could cost up to $"
                            + worstCase.stripTrailingZeros().toPlainString() + " (about " + inputTokens
                            + " input tokens and up to " + request.maxTokens() + " output tokens), $"
                            + left.max(BigDecimal.ZERO).stripTrailingZeros().toPlainString() + " of the $"
                            + ledger.budget().stripTrailingZeros().toPlainString() + " budget left"));
        }
        return control.check();
    }

    @Override
    public void onDelta(String text) {
        synchronized (streaming) {
            streaming.append(text);
        }
        ObjectNode data = mapper.createObjectNode();
        data.putObject("delta").put("content", text);
        events.publish(RunEventType.MESSAGE_DELTA, data);
    }

    @Override
    public Uni<Void> afterAttempt(Attempt attempt) {
        BigDecimal cost = services.pricing.cost(attempt.model(), attempt.usage());
        ledger.account(attempt, cost);
        return record(modelStep(attempt, cost));
    }

    @Override
    public Uni<Void> stopped() {
        return control.stopped();
    }

    @Override
    public Throwable stopFailure() {
        return control.failure();
    }

    // steps

    private Uni<Void> record(StepRecord step) {
        return services.store
                .recordStep(ctx, step, ledger.totals())
                .invoke(this::onFence)
                .replaceWithVoid();
    }

    private void onFence(Fence fence) {
        if (fence == Fence.LOST) {
            LOG.warnf(
                    "Run %s attempt %d no longer holds the run (taken over or ended elsewhere): stopping",
                    ctx.runId(), ctx.attempt());
            control.stop(RunControl.StopReason.LEASE_LOST);
        } else if (fence == Fence.CANCELLING) {
            control.stop(RunControl.StopReason.CANCELLED);
        }
    }

    private StepRecord modelStep(Attempt attempt, BigDecimal cost) {
        ObjectNode detail = mapper.createObjectNode().put("attempt", attempt.number());
        if (attempt.completion() != null) {
            detail.put("finish_reason", attempt.completion().finishReason());
            detail.put("tool_calls", attempt.completion().toolCalls().size());
        }
        if (attempt.usageEstimated()) {
            detail.put("usage_estimated", true);
        }
        ObjectNode error = null;
        if (attempt.failure() != null && attempt.outcome() != Attempt.Outcome.SUCCESS) {
            error = mapper.createObjectNode()
                    .put(
                            "code",
                            attempt.outcome() == Attempt.Outcome.CIRCUIT_OPEN
                                    ? "circuit_open"
                                    : attempt.outcome() == Attempt.Outcome.CANCELLED
                                            ? "cancelled"
                                            : attempt.failure().kind().code())
                    .put("message", attempt.failure().getMessage());
            if (attempt.failure().status() > 0) {
                error.put("status", attempt.failure().status());
            }
        }
        return new StepRecord(
                ledger.nextSeq(),
                StepRecord.MODEL_CALL,
                attempt.model(),
                null,
                attempt.usage().inputTokens(),
                attempt.usage().outputTokens(),
                cost,
                attempt.durationMs(),
                attempt.outcome().value(),
                error,
                detail,
                attempt.startedAt());
    }

    private StepRecord toolStep(ToolOutcome outcome, Instant startedAt) {
        ObjectNode detail = mapper.createObjectNode().put("id", outcome.callId());
        detail.set("arguments", outcome.arguments());
        String result = outcome.result().toString();
        int max = services.config.toolStepMaxChars();
        if (result.length() <= max) {
            detail.set("result", outcome.result());
        } else {
            detail.put("result_truncated", result.substring(0, max));
        }
        JsonNode error = outcome.failed()
                ? mapper.createObjectNode().put("code", "tool_error").put("message", outcome.errorMessage())
                : null;
        return new StepRecord(
                ledger.nextSeq(),
                StepRecord.TOOL_CALL,
                null,
                outcome.name(),
                0,
                0,
                BigDecimal.ZERO,
                outcome.durationMs(),
                outcome.failed() ? "error" : "success",
                error,
                detail,
                startedAt);
    }
}
