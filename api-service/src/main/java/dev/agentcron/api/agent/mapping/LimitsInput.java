package dev.agentcron.api.agent.mapping;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The limits of a new agent; every field has a default. */
@Schema(name = "LimitsInput", description = "Limits on what an agent's runs may do.")
public record LimitsInput(
        @Schema(
                description = "Drafts one run may produce in draft mode, 1–10 (default 1).",
                minimum = "1",
                maximum = "10",
                example = "1")
        Integer outputsPerRun,

        @Schema(
                description =
                        "Per UTC day: drafts (draft mode) or started runs (task mode), 1–1000; default 50 in draft mode, null (no limit) in task mode.",
                minimum = "1",
                maximum = "1000",
                example = "10",
                nullable = true)
        Integer dailyLimit,

        @Schema(
                description = "Model calls one run may make, 1–200 (default 50).",
                minimum = "1",
                maximum = "200",
                example = "50")
        Integer maxTurns,

        @Schema(
                description =
                        "Most a run may cost in USD, > 0; null for no budget. Needs a configured price for the model and every fallback.",
                example = "0.5",
                nullable = true)
        BigDecimal maxBudgetUsd,

        @Schema(
                description = "Seconds a run may take, 10–3600 (default 600).",
                minimum = "10",
                maximum = "3600",
                example = "600")
        Integer runTimeoutSeconds,

        @Schema(
                description = "Consecutive failed runs that set status `error`, 1–100; null never.",
                minimum = "1",
                maximum = "100",
                example = "5",
                nullable = true)
        Integer pauseAfterFailures) {}
