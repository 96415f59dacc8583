package dev.agentcron.api.agent.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether an agent name can be used. */
@Schema(name = "NameCheck", description = "Whether a name can be used for an agent in this workspace.")
public record NameCheckView(
        @Schema(example = "false", required = true) boolean available,

        @Schema(
                description = "Why not: `duplicate` or `invalid`; null when available.",
                enumeration = {"duplicate", "invalid"},
                example = "duplicate",
                nullable = true)
        String reason,

        @Schema(
                description = "The agent that already has the name.",
                example = "agt_01JD7XK3M4N5P6Q7R8S9T0V1W2",
                nullable = true)
        String conflictId) {}
