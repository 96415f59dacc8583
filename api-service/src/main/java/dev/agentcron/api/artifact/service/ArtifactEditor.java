package dev.agentcron.api.artifact.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.agentcron.api.artifact.mapping.ApproveArtifactRequest;
import dev.agentcron.api.artifact.mapping.CreateArtifactRequest;
import dev.agentcron.api.artifact.mapping.RejectArtifactRequest;
import dev.agentcron.api.common.error.FieldError;
import dev.agentcron.model.artifact.ArtifactEntity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns artifact requests into what is stored, checking every field and collecting every invalid one (with
 * its JSON path) instead of stopping at the first. Pure: no I/O. PostgreSQL cannot store the NUL character in
 * text or jsonb, so no field may hold one.
 */
final class ArtifactEditor {

    static final Pattern TYPE = Pattern.compile("^[a-z][a-z0-9_]{0,49}$");
    static final String TYPE_RULE =
            "must start with a lower-case letter followed by lower-case letters, digits or underscores, at most 50"
                    + " characters";
    static final String DEFAULT_TYPE = "html_report";
    static final int MAX_TITLE_CHARS = 200;
    static final int MAX_CONTENT_CHARS = 500_000;
    static final int MAX_SUMMARY_CHARS = 2000;
    static final int MAX_TAGS = 20;
    static final int MAX_TAG_CHARS = 50;
    static final int MAX_CHANNELS = 100;
    static final int MAX_CHANNEL_CHARS = 200;
    static final int MAX_METADATA_BYTES = 16 * 1024;
    static final int MAX_NOTE_CHARS = 2000;
    static final int MAX_THREAD_ID_CHARS = 100;

    /** A decision on a draft: the status it moves to, the reviewer's note, and the edited content (approvals only). */
    record Review(ApprovalStatus decision, String note, String content) {}

    private final List<FieldError> errors = new ArrayList<>();

    List<FieldError> errors() {
        return errors;
    }

    /**
     * The artifact a create request describes, without ids, owner or timestamps. Its {@code channels} are null
     * when the request names none (absent or empty): the default depends on the agent.
     */
    ArtifactEntity create(CreateArtifactRequest request) {
        ArtifactEntity artifact = new ArtifactEntity();
        if (request == null) {
            error("body", "is required: at least title and content");
            return artifact;
        }
        artifact.title = title(request.title());
        artifact.content = content("content", request.content(), true);
        artifact.artifactType = type(request.artifactType());
        artifact.threadId = threadId(request.threadId());
        artifact.summary = optionalText("summary", request.summary(), MAX_SUMMARY_CHARS);
        artifact.tags = tags(request.tags());
        artifact.metadata = metadata(request.metadata());
        artifact.channels =
                request.channels() == null || request.channels().isEmpty() ? null : channels(request.channels());
        artifact.approvalStatus = initialStatus(request.approvalStatus()).value();
        return artifact;
    }

    Review approve(ApproveArtifactRequest request) {
        if (request == null) {
            return new Review(ApprovalStatus.APPROVED, null, null);
        }
        String note = optionalText("note", request.note(), MAX_NOTE_CHARS);
        String content = request.content() == null ? null : content("content", request.content(), false);
        return new Review(ApprovalStatus.APPROVED, note, content);
    }

    Review reject(RejectArtifactRequest request) {
        String note = request == null ? null : optionalText("note", request.note(), MAX_NOTE_CHARS);
        return new Review(ApprovalStatus.REJECTED, note, null);
    }

    private String title(String title) {
        if (title == null || title.isBlank()) {
            error("title", "is required");
            return null;
        }
        String stripped = title.strip();
        checkText("title", stripped, MAX_TITLE_CHARS);
        return stripped;
    }

    private String content(String field, String content, boolean required) {
        if (content == null || content.isBlank()) {
            error(field, required ? "is required" : "must not be blank");
            return null;
        }
        checkText(field, content, MAX_CONTENT_CHARS);
        return content;
    }

    private String type(String type) {
        if (type == null) {
            return DEFAULT_TYPE;
        }
        if (!TYPE.matcher(type).matches()) {
            error("artifact_type", TYPE_RULE);
        }
        return type;
    }

    private String threadId(String threadId) {
        if (threadId != null && (threadId.isBlank() || threadId.length() > MAX_THREAD_ID_CHARS)) {
            error("thread_id", "is not a thread of this agent");
        }
        return threadId;
    }

    private String optionalText(String field, String value, int maxChars) {
        if (value == null || value.isBlank()) {
            return null;
        }
        checkText(field, value, maxChars);
        return value;
    }

    private List<String> tags(List<String> tags) {
        List<String> result = new ArrayList<>();
        if (tags == null) {
            return result;
        }
        if (tags.size() > MAX_TAGS) {
            error("tags", "must hold at most " + MAX_TAGS + " tags");
            return result;
        }
        return labels("tags", tags, MAX_TAG_CHARS);
    }

    private List<String> channels(List<String> channels) {
        if (channels.size() > MAX_CHANNELS) {
            error("channels", "must hold at most " + MAX_CHANNELS + " entries");
            return new ArrayList<>();
        }
        return labels("channels", channels, MAX_CHANNEL_CHARS);
    }

    /** Stripped, non-blank, bounded strings; duplicates dropped, order kept. */
    private List<String> labels(String field, List<String> values, int maxChars) {
        LinkedHashSet<String> result = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            String path = field + "[" + i + "]";
            if (value == null || value.isBlank()) {
                error(path, "must not be blank");
            } else {
                String stripped = value.strip();
                checkText(path, stripped, maxChars);
                result.add(stripped);
            }
        }
        return new ArrayList<>(result);
    }

    private JsonNode metadata(JsonNode metadata) {
        if (metadata == null || metadata.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!metadata.isObject()) {
            error("metadata", "must be a JSON object");
            return JsonNodeFactory.instance.objectNode();
        }
        String json = metadata.toString();
        if (json.getBytes(StandardCharsets.UTF_8).length > MAX_METADATA_BYTES) {
            error("metadata", "must be at most " + MAX_METADATA_BYTES + " bytes as JSON");
        } else if (json.contains("\\u0000")) {
            error("metadata", "must not contain the NUL character (\\u0000)");
        }
        return metadata;
    }

    private ApprovalStatus initialStatus(String status) {
        if (status == null) {
            return ApprovalStatus.NOT_REQUIRED;
        }
        ApprovalStatus initial = ApprovalStatus.of(status).orElse(null);
        if (initial == ApprovalStatus.NOT_REQUIRED || initial == ApprovalStatus.PENDING_REVIEW) {
            return initial;
        }
        if (initial == null) {
            error("approval_status", "must be not_required or pending_review");
        } else {
            error(
                    "approval_status",
                    "cannot be " + status + " on create: a human decides a pending_review draft with"
                            + " POST …/approve or …/reject");
        }
        return ApprovalStatus.NOT_REQUIRED;
    }

    private void checkText(String field, String value, int maxChars) {
        if (value.codePointCount(0, value.length()) > maxChars) {
            error(field, "must be at most " + maxChars + " characters");
        }
        if (value.indexOf('\u0000') >= 0) {
            error(field, "must not contain the NUL character (\\u0000)");
        }
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }
}
