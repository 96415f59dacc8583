package dev.agentcron.worker.run.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A {@code run_steps} row to write.
 *
 * @param seq position in the attempt (1, 2, ...)
 * @param kind {@code model_call} or {@code tool_call}
 * @param model the model asked (model calls)
 * @param toolName the tool (tool calls)
 * @param inputTokens tokens in
 * @param outputTokens tokens out
 * @param costUsd cost of the step
 * @param durationMs duration
 * @param outcome {@code success}, {@code retry}, {@code error}, {@code circuit_open}, {@code cancelled}
 * @param error {@code {"code", "message"}} or null
 * @param detail tool arguments and bounded result, or model-call details
 * @param startedAt when the step began
 */
public record StepRecord(
        int seq,
        String kind,
        String model,
        String toolName,
        long inputTokens,
        long outputTokens,
        BigDecimal costUsd,
        long durationMs,
        String outcome,
        JsonNode error,
        JsonNode detail,
        Instant startedAt) {

    public static final String MODEL_CALL = "model_call";
    public static final String TOOL_CALL = "tool_call";
}
