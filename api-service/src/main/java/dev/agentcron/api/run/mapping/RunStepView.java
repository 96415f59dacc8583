package dev.agentcron.api.run.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One model call or tool call of a run. */
@Schema(name = "RunStep", description = "One model call (each attempt, failed ones too) or tool call of a run.")
public record RunStepView(
        @Schema(description = "Position in the run (per attempt).", example = "1", required = true)
        int seq,

        @Schema(description = "The run attempt that made it.", example = "1", required = true)
        int attempt,

        @Schema(
                description = "What the step was.",
                enumeration = {"model_call", "tool_call"},
                required = true)
        String kind,

        @Schema(description = "The model called.", nullable = true, example = "gpt-4o-mini")
        String model,

        @Schema(description = "The tool called.", nullable = true, example = "http_get")
        String toolName,

        @Schema(example = "1200", required = true) long inputTokens,

        @Schema(example = "300", required = true) long outputTokens,

        @Schema(example = "0.00036", required = true) BigDecimal costUsd,

        @Schema(example = "850", required = true) long durationMs,

        @Schema(
                description = "How it ended: `success`, `error`, `retry`, `circuit_open`, …",
                example = "success",
                required = true)
        String outcome,

        @Schema(description = "The failure, for failed steps.", type = SchemaType.OBJECT, nullable = true)
        JsonNode error,

        @Schema(
                description = "Tool arguments and result (bounded), or call details.",
                type = SchemaType.OBJECT,
                nullable = true)
        JsonNode detail,

        @Schema(required = true) Instant startedAt) {}
