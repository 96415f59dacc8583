package dev.agentcron.api.stats.mapping;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Figures of every run of the workspace over a period, plus its agents. */
@Schema(
        name = "GlobalStats",
        description = "The workspace's runs over the period, its agent counts and the agents running now.")
public record GlobalStatsView(
        @Schema(description = "The period: `24h`, `7d` or `30d`.", example = "7d", required = true)
        String period,

        @Schema(description = "Agents of the workspace.", example = "3", required = true)
        long totalAgents,

        @Schema(description = "Agents whose status is `active`.", example = "2", required = true)
        long activeAgents,

        @Schema(
                description = "Agents with a run a worker holds right now (`running` or `cancelling`), sorted.",
                example = "[\"agt_01JD7XK3M4N5P6Q7R8S9T0V1W2\"]",
                required = true)
        List<String> runningAgentIds,

        @Schema(description = "Runs queued in the period, skipped ones included.", example = "28", required = true)
        long totalRuns,

        @Schema(
                description = "Share of finished runs (success, error, timed_out, budget_exceeded, cancelled) that"
                        + " ended `success`, 0–1; skipped, queued and running runs are excluded. Null when no run"
                        + " finished in the period.",
                example = "0.89",
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

        @Schema(description = "Cost of the period's runs in USD.", example = "1.24", required = true)
        BigDecimal totalCostUsd,

        @Schema(description = "Input plus output tokens of the period's runs.", example = "64000", required = true)
        long totalTokens,

        @Schema(
                description = "When the workspace's most recent run was queued (any period); null if none ran.",
                nullable = true)
        Instant lastRunAt,

        @Schema(description = "One entry per UTC date of the period, oldest first, zeros included.", required = true)
        List<DailyRunsView> dailyRuns) {}
