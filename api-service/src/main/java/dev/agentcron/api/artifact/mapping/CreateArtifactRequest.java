package dev.agentcron.api.artifact.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /agents/{id}/artifacts}: {@code title} and {@code content} are required. */
@Schema(
        name = "CreateArtifactRequest",
        description = "A new artifact of the agent. `title` and `content` are required. `id`, `agent_id`, `run_id`,"
                + " `reviewed_by`, `reviewed_at`, `review_note`, `created_at` and `updated_at` are read-only: like"
                + " any unknown property, they are a 400.")
public record CreateArtifactRequest(
        @Schema(
                description = "Title, 1–200 characters.",
                example = "Q4 Marketing Plan",
                minLength = 1,
                maxLength = 200,
                required = true)
        String title,

        @Schema(
                description = "The document (HTML, Markdown, JSON, plain text, ...), 1–500,000 characters.",
                example = "<html><body><h1>Q4 plan</h1></body></html>",
                minLength = 1,
                maxLength = 500_000,
                required = true)
        String content,

        @Schema(
                description = "Type identifier: lower-case letters, digits and underscores, at most 50 characters;"
                        + " default `html_report`.",
                example = "html_report",
                pattern = "^[a-z][a-z0-9_]{0,49}$",
                maxLength = 50)
        String artifactType,

        @Schema(
                description = "A conversation thread of this agent (`thr_…`); any other id (another agent's thread, an"
                        + " unknown one) is a 400 on this field.",
                example = "thr_01JD7XK3M4N5P6Q7R8S9T0V1W2",
                maxLength = 100)
        String threadId,

        @Schema(
                description = "Short summary, at most 2,000 characters.",
                example = "Quarterly marketing roadmap",
                maxLength = 2000)
        String summary,

        @Schema(
                description = "Tags for categorization (the list's `tag` filter): at most 20, each 1–50 characters;"
                        + " duplicates are dropped.",
                maxItems = 20,
                example = "[\"marketing\", \"q4\"]")
        List<String> tags,

        @Schema(
                description = "Arbitrary metadata: a JSON object of at most 16 KiB (serialized); default `{}`.",
                type = SchemaType.OBJECT,
                example = "{\"quarter\": \"Q4\"}")
        JsonNode metadata,

        @Schema(
                description = "Target channels of a draft, at most 100, each 1–200 characters. Absent or empty: the"
                        + " agent's `channels` for a draft (`approval_status: pending_review`), none otherwise.",
                maxItems = 100,
                example = "[\"acc_twitter_main\"]")
        List<String> channels,

        @Schema(
                description = "`not_required` (default): a plain output; `pending_review`: submit it as a draft a human"
                        + " approves or rejects. `approved` and `rejected` are only set by those decisions.",
                enumeration = {"not_required", "pending_review"},
                example = "not_required")
        String approvalStatus) {}
