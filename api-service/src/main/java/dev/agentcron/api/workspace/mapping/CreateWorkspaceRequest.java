package dev.agentcron.api.workspace.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /workspaces}. */
@Schema(name = "CreateWorkspaceRequest", description = "A new workspace (tenant).")
public record CreateWorkspaceRequest(
        @Schema(
                description = "Unique name (case-insensitive).",
                example = "Acme marketing",
                minLength = 1,
                maxLength = 100,
                required = true)
        String name) {}
