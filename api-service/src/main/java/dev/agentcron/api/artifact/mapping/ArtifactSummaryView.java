package dev.agentcron.api.artifact.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An artifact in a list: everything but its content, which lists leave out to stay small. */
@Schema(
        name = "ArtifactSummary",
        description = "An artifact without its `content` (lists leave it out; get the artifact for it).")
public record ArtifactSummaryView(
        @Schema(description = "Artifact id.", example = "art_01JD7XK3M4N5P6Q7R8S9T0V1W2", required = true)
        String id,

        @Schema(description = "The agent.", example = "agt_01JD7XK3M4N5P6Q7R8S9T0V1W2", required = true)
        String agentId,

        @Schema(description = "The run that produced it; null when saved through the API.", nullable = true)
        String runId,

        @Schema(description = "The conversation thread it belongs to.", nullable = true)
        String threadId,

        @Schema(description = "Title.", example = "Q4 Marketing Plan", required = true)
        String title,

        @Schema(
                description = ArtifactDescriptions.TYPE,
                example = "html_report",
                pattern = "^[a-z][a-z0-9_]{0,49}$",
                maxLength = 50,
                required = true)
        String artifactType,

        @Schema(description = "Short summary.", example = "Quarterly marketing roadmap", nullable = true)
        String summary,

        @Schema(description = "Tags for categorization.", example = "[\"marketing\", \"q4\"]", required = true)
        List<String> tags,

        @Schema(description = "Arbitrary metadata.", example = "{\"quarter\": \"Q4\"}", required = true)
        JsonNode metadata,

        @Schema(description = ArtifactDescriptions.CHANNELS, example = "[\"acc_twitter_main\"]", required = true)
        List<String> channels,

        @Schema(
                description = ArtifactDescriptions.APPROVAL_STATUS,
                enumeration = {"not_required", "pending_review", "approved", "rejected"},
                example = "not_required",
                required = true)
        String approvalStatus,

        @Schema(description = ArtifactDescriptions.REVIEWED_BY, example = "editor-ui", nullable = true)
        String reviewedBy,

        @Schema(description = "When the draft was approved or rejected.", nullable = true)
        Instant reviewedAt,

        @Schema(description = "The reviewer's note.", example = "Shorter, please", nullable = true)
        String reviewNote,

        @Schema(description = "When it was created.", required = true)
        Instant createdAt,

        @Schema(description = "When it last changed (a review included).", required = true)
        Instant updatedAt) {}
