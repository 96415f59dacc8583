package dev.agentcron.api.agent.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API key that created an agent. */
@Schema(name = "Creator", description = "The API key that created the agent.")
public record CreatorView(
        @Schema(description = "Key id.", example = "key_01JD7XK3M4N5P6Q7R8S9T0V1W2", required = true)
        String id,

        @Schema(description = "Key name.", example = "ci-bot", required = true)
        String name) {}
