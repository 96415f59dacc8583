package dev.agentcron.api.key.mapping;

import dev.agentcron.model.key.ApiKeyEntity;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An API key without its secret. */
@Schema(name = "ApiKey", description = "An API key, without its secret.")
public record ApiKeyView(
        @Schema(description = "Key id.", example = "key_01JD7XK3M4N5P6Q7R8S9T0V1W2", required = true)
        String id,

        @Schema(description = "Name.", example = "ci-bot", required = true)
        String name,

        @Schema(description = "Scopes the key holds.", example = "[\"agents:read\"]", required = true)
        List<String> scopes,

        @Schema(description = "Workspace of the key.", example = "wsp_01JD7XK3M4N5P6Q7R8S9T0V1W2", required = true)
        String workspaceId,

        @Schema(
                description = "First characters of the secret, to tell keys apart.",
                example = "ac_9fK2mQ7x",
                required = true)
        String prefix,

        @Schema(description = "Creation time.", example = "2026-01-07T09:00:00.000Z", required = true)
        Instant createdAt,

        @Schema(
                description = "Last authenticated request (updated at most once a minute), or null.",
                example = "2026-01-07T09:05:00.000Z",
                nullable = true)
        Instant lastUsedAt,

        @Schema(description = "When the key was revoked, or null while it is valid.", nullable = true)
        Instant revokedAt) {

    public static ApiKeyView of(ApiKeyEntity key) {
        return new ApiKeyView(
                key.id,
                key.name,
                key.scopes,
                key.workspaceId,
                key.prefix,
                key.createdAt,
                key.lastUsedAt,
                key.revokedAt);
    }
}
