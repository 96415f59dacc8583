package dev.agentcron.api.agent.mapping;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An agent's limits. */
@Schema(name = "Limits", description = "Limits on what an agent's runs may do.")
public record LimitsView(
        @Schema(description = "Drafts one run may produce in draft mode (1–10).", example = "1", required = true)
        int outputsPerRun,

        @Schema(
                description = "Per UTC day: drafts (draft mode) or started runs (task mode); null for no limit.",
                example = "10",
                nullable = true)
        Integer dailyLimit,

        @Schema(description = "Model calls one run may make (1–200).", example = "50", required = true)
        int maxTurns,

        @Schema(description = "Most a run may cost in USD, or null.", example = "0.5", nullable = true)
        BigDecimal maxBudgetUsd,

        @Schema(description = "Seconds a run may take (10–3600).", example = "600", required = true)
        int runTimeoutSeconds,

        @Schema(
                description = "Consecutive failed runs that set status `error`, or null.",
                example = "5",
                nullable = true)
        Integer pauseAfterFailures) {}
