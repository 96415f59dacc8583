package dev.agentcron.api.artifact.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Optional body of {@code POST /agents/{id}/artifacts/{art_id}/reject}. */
@Schema(
        name = "RejectArtifactRequest",
        description = "A rejection with an optional note. A rejection keeps the draft as the agent wrote it:"
                + " `content` is not accepted here (edit the text by approving it).")
public record RejectArtifactRequest(
        @Schema(
                description = "Why the draft was rejected, at most 2,000 characters.",
                example = "Off-brand tone",
                maxLength = 2000)
        String note) {}
