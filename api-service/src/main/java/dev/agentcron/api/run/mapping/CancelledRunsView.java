package dev.agentcron.api.run.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many runs a cancel reached. */
@Schema(name = "CancelledRuns", description = "How many queued or running runs of the agent were cancelled.")
public record CancelledRunsView(
        @Schema(example = "2", required = true) int cancelledCount) {}
