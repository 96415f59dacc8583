package dev.agentcron.api.agent.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What {@code DELETE /agents/{id}} returns. */
@Schema(name = "DeletedAgent", description = "The agent that was deleted.")
public record DeletedAgentView(
        @Schema(example = "agt_01JD7XK3M4N5P6Q7R8S9T0V1W2", required = true)
        String id,

        @Schema(example = "Daily Digest", required = true) String name) {}
