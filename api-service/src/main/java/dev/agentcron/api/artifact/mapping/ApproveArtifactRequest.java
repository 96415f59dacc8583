package dev.agentcron.api.artifact.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Optional body of {@code POST /agents/{id}/artifacts/{art_id}/approve}. */
@Schema(
        name = "ApproveArtifactRequest",
        description = "An approval: an optional note and, optionally, the edited text that replaces the draft's"
                + " content.")
public record ApproveArtifactRequest(
        @Schema(
                description = "The reviewer's note, at most 2,000 characters.",
                example = "Good to go",
                maxLength = 2000)
        String note,

        @Schema(
                description = "The edited text, 1–500,000 characters: it replaces the draft's `content`, so the"
                        + " approved artifact holds what the reviewer approved.",
                example = "Something new ships on Monday. Stay tuned! #launch",
                minLength = 1,
                maxLength = 500_000)
        String content) {}
