package dev.agentcron.api.run.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A run as the API returns it. */
@Schema(name = "Run", description = "One execution of an agent, whatever triggered it, with its totals.")
public record RunView(
        @Schema(description = "Run id.", example = "run_01JD7XK3M4N5P6Q7R8S9T0V1W2", required = true)
        String id,

        @Schema(description = "The agent.", example = "agt_01JD7XK3M4N5P6Q7R8S9T0V1W2", required = true)
        String agentId,

        @Schema(description = "The schedule that fired it (trigger `schedule`).", nullable = true)
        String scheduleId,

        @Schema(
                description = "What started the run.",
                enumeration = {"schedule", "manual", "event", "chat"},
                example = "schedule",
                required = true)
        String trigger,

        @Schema(
                description = "The schedule's occurrence (before jitter); at most one run exists per schedule and"
                        + " occurrence.",
                nullable = true,
                example = "2026-01-07T09:00:00.000Z")
        Instant scheduledFor,

        @Schema(
                description = "`queued` → `running` → a final status; `cancelling` always ends `cancelled`.",
                enumeration = {
                    "queued",
                    "running",
                    "cancelling",
                    "success",
                    "error",
                    "budget_exceeded",
                    "cancelled",
                    "timed_out",
                    "skipped"
                },
                example = "success",
                required = true)
        String status,

        @Schema(
                description = "Why: `overlap` or `daily_limit_reached` for skipped runs, `waiting_for_active_run` for a"
                        + " queued run held back by `overlap: buffer_one`.",
                nullable = true)
        String statusReason,

        @Schema(description = "The final text (task and chat runs); kept when the run stopped early.", nullable = true)
        String output,

        @Schema(description = "Artifacts the run created.", required = true)
        List<String> artifactIds,

        @Schema(description = "The input handed to the run.", type = SchemaType.OBJECT, required = true)
        JsonNode input,

        @Schema(description = "The chat thread (trigger `chat`).", nullable = true)
        String threadId,

        @Schema(description = "The event that triggered it (trigger `event`).", nullable = true)
        String eventId,

        @Schema(
                description = "The model that produced the final response (after any fallback).",
                nullable = true,
                example = "gpt-4o-mini")
        String model,

        @Schema(
                description = "Input tokens over every model call, failed attempts included.",
                example = "1500",
                required = true)
        long inputTokens,

        @Schema(description = "Output tokens over every model call.", example = "800", required = true)
        long outputTokens,

        @Schema(description = "Cost in USD over every model call.", example = "0.032", required = true)
        BigDecimal costUsd,

        @Schema(description = "Model calls that returned a response.", example = "5", required = true)
        int numTurns,

        @Schema(description = "Claims of the run by a worker (1 once started).", example = "1", required = true)
        int attempt,

        @Schema(description = "When the run was recorded.", required = true, example = "2026-01-07T09:00:00.120Z")
        Instant queuedAt,

        @Schema(description = "When a worker claimed it.", nullable = true)
        Instant startedAt,

        @Schema(description = "When it ended.", nullable = true)
        Instant completedAt,

        @Schema(description = "From start to end, in milliseconds.", nullable = true, example = "90000")
        Long durationMs,

        @Schema(
                description = "What went wrong: `{\"code\": \"gateway_unavailable\", \"message\": \"…\"}`.",
                type = SchemaType.OBJECT,
                nullable = true)
        JsonNode error,

        @Schema(description = "Each model call and tool call, in order; only on `GET /runs/{id}`.", nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL)
        List<RunStepView> steps) {}
