package dev.agentcron.api.key.mapping;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /keys}. */
@Schema(name = "CreateApiKeyRequest", description = "A new API key.")
public record CreateApiKeyRequest(
        @Schema(
                description = "Name shown in listings and as an agent's `creator`.",
                example = "ci-bot",
                minLength = 1,
                maxLength = 100,
                required = true)
        String name,

        @Schema(
                description = "Scopes the key holds (at least one).",
                maxItems = 5,
                required = true,
                enumeration = {"agents:read", "agents:write", "events:write", "keys:admin", "workspaces:admin"},
                example = "[\"agents:read\", \"agents:write\"]")
        List<String> scopes,

        @Schema(
                description =
                        "Workspace of the new key; default the caller's. Another workspace needs `workspaces:admin`.",
                example = "wsp_01JD7XK3M4N5P6Q7R8S9T0V1W2")
        String workspaceId) {}
