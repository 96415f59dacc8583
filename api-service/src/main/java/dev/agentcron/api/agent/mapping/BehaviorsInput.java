package dev.agentcron.api.agent.mapping;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Seed 004's {@code behaviors}: further schedules of a new agent. */
@Schema(
        name = "BehaviorsInput",
        description = "Seed 004 compatibility: `schedules` become the agent's further schedules.")
public record BehaviorsInput(
        @Schema(description = "One schedule per entry (at most 100).", maxItems = 100)
        List<BehaviorSchedule> schedules) {}
