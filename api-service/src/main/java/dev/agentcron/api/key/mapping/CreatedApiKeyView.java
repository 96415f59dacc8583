package dev.agentcron.api.key.mapping;

import dev.agentcron.model.key.ApiKeyEntity;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A key just created, with its secret: the only time the secret is shown. */
@Schema(name = "CreatedApiKey", description = "A new API key with its secret, which is shown only in this response.")
public record CreatedApiKeyView(
        @Schema(description = "Key id.", example = "key_01JD7XK3M4N5P6Q7R8S9T0V1W2", required = true)
        String id,

        @Schema(description = "Name.", example = "ci-bot", required = true)
        String name,

        @Schema(description = "Scopes the key holds.", example = "[\"agents:read\", \"agents:write\"]", required = true)
        List<String> scopes,

        @Schema(description = "Workspace of the key.", example = "wsp_01JD7XK3M4N5P6Q7R8S9T0V1W2", required = true)
        String workspaceId,

        @Schema(description = "First characters of the secret.", example = "ac_9fK2mQ7x", required = true)
        String prefix,

        @Schema(description = "Creation time.", example = "2026-01-07T09:00:00.000Z", required = true)
        Instant createdAt,

        @Schema(
                description =
                        "The secret: send it as `Authorization: Bearer <key>` or `X-API-Key`. Store it now; it is never shown again.",
                example = "ac_9fK2mQ7xVb3LpT8wZr4NcJ6hYd1SgE5uKa0oPiMq",
                required = true)
        String key) {

    public static CreatedApiKeyView of(ApiKeyEntity entity, String secret) {
        return new CreatedApiKeyView(
                entity.id, entity.name, entity.scopes, entity.workspaceId, entity.prefix, entity.createdAt, secret);
    }
}
