package dev.agentcron.api.stats.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Runs of one UTC date of a stats period. */
@Schema(name = "DailyRuns", description = "Runs queued on one UTC date of the period.")
public record DailyRunsView(
        @Schema(description = "The UTC date.", example = "2026-01-07", required = true)
        LocalDate date,

        @Schema(description = "Runs that ended `success`.", example = "2", required = true)
        long success,

        @Schema(
                description = "Runs that failed: `error`, `timed_out` or `budget_exceeded`.",
                example = "1",
                required = true)
        long error,

        @Schema(description = "Runs recorded as `skipped` (overlap, daily limit).", example = "0", required = true)
        long skipped,

        @Schema(
                description = "Every run of the date, whatever its status (queued, running and cancelled included).",
                example = "3",
                required = true)
        long total,

        @Schema(description = "Cost of the date's runs in USD.", example = "0.06", required = true)
        BigDecimal costUsd) {}
