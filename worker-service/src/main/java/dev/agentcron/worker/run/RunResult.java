package dev.agentcron.worker.run;

import dev.agentcron.model.run.RunStatus;
import java.math.BigDecimal;

/**
 * How an execution ended, as {@link RunExecutor} recorded it.
 *
 * @param runId the run
 * @param attempt the attempt that executed
 * @param recorded false when the run row had moved on (another attempt claimed it, or it was ended by
 *     someone else): nothing of this execution's end was written and no terminal event was published
 * @param status the final status written (when {@code recorded}), or the one this execution reached
 * @param statusReason e.g. {@code daily_limit_reached} for a skipped run
 * @param output the run output
 * @param error null on success
 * @param model the model that answered last
 * @param inputTokens total input tokens over every call, failed attempts included
 * @param outputTokens total output tokens
 * @param costUsd total cost
 * @param numTurns model calls that returned a response
 */
public record RunResult(
        String runId,
        int attempt,
        boolean recorded,
        RunStatus status,
        String statusReason,
        String output,
        RunError error,
        String model,
        long inputTokens,
        long outputTokens,
        BigDecimal costUsd,
        int numTurns) {}
