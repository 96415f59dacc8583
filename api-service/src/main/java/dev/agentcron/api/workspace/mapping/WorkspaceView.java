package dev.agentcron.api.workspace.mapping;

import dev.agentcron.model.workspace.WorkspaceEntity;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A workspace as the API returns it. */
@Schema(name = "Workspace", description = "A tenant: every resource belongs to exactly one workspace.")
public record WorkspaceView(
        @Schema(description = "Workspace id.", example = "wsp_01JD7XK3M4N5P6Q7R8S9T0V1W2", required = true)
        String id,

        @Schema(description = "Unique name.", example = "Acme marketing", required = true)
        String name,

        @Schema(description = "Creation time (RFC 3339 UTC).", example = "2026-01-07T09:00:00.000Z", required = true)
        Instant createdAt) {

    public static WorkspaceView of(WorkspaceEntity entity) {
        return new WorkspaceView(entity.id, entity.name, entity.createdAt);
    }
}
