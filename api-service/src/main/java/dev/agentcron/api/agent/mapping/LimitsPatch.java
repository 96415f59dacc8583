package dev.agentcron.api.agent.mapping;

import java.math.BigDecimal;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Changes to an agent's limits: absent fields stay, null fields return to their default. */
@Schema(name = "LimitsPatch", description = "Limits to change; a field set to null returns to its default.")
public record LimitsPatch(
        @Schema(description = "1–10.", minimum = "1", maximum = "10", example = "1", nullable = true)
        Optional<Integer> outputsPerRun,

        @Schema(description = "1–1000, or null.", minimum = "1", maximum = "1000", example = "10", nullable = true)
        Optional<Integer> dailyLimit,

        @Schema(description = "1–200.", minimum = "1", maximum = "200", example = "50", nullable = true)
        Optional<Integer> maxTurns,

        @Schema(description = "> 0, or null.", example = "0.5", nullable = true)
        Optional<BigDecimal> maxBudgetUsd,

        @Schema(description = "10–3600.", minimum = "10", maximum = "3600", example = "600", nullable = true)
        Optional<Integer> runTimeoutSeconds,

        @Schema(description = "1–100, or null.", minimum = "1", maximum = "100", example = "5", nullable = true)
        Optional<Integer> pauseAfterFailures) {}
