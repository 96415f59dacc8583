package dev.agentcron.api.stats.mapping;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Figures of one agent's runs over a period. */
@Schema(name = "AgentStats", description = "An agent's runs over the period, computed from the run records.")
public record AgentStatsView(
        @Schema(description = "The period: `24h`, `7d` or `30d`.", example = "7d", required = true)
        String period,

        @Schema(description = "Runs queued in the period, skipped ones included.", example = "14", required = true)
        long totalRuns,

        @Schema(
                description = "Share of finished runs (success, error, timed_out, budget_exceeded, cancelled) that"
                        + " ended `success`, 0–1; skipped, queued and running runs are excluded. Null when no run"
                        + " finished in the period.",
                example = "0.93",
                nullable = true)
        Double successRate,

        @Schema(
                description = "Average duration of finished runs in ms; null without any.",
                example = "85000",
                nullable = true)
        Long avgDurationMs,

        @Schema(
                description =
                        "95th percentile (nearest rank) of the duration of finished runs in ms; null without any.",
                example = "120000",
                nullable = true)
        Long p95DurationMs,

        @Schema(description = "Cost of the period's runs in USD.", example = "0.45", required = true)
        BigDecimal totalCostUsd,

        @Schema(description = "Input plus output tokens of the period's runs.", example = "32000", required = true)
        long totalTokens,

        @Schema(
                description = "When the agent's most recent run was queued (any period); null if it never ran.",
                nullable = true)
        Instant lastRunAt,

        @Schema(description = "One entry per UTC date of the period, oldest first, zeros included.", required = true)
        List<DailyRunsView> dailyRuns) {}
