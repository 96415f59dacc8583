package dev.agentcron.api.artifact.service;

import dev.agentcron.api.common.error.FieldError;
import dev.agentcron.api.common.error.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;

/** Filters of an artifact list: {@code type}, {@code tag} and {@code approval_status}, each optional. */
public record ArtifactFilter(String type, String tag, String approvalStatus) {

    /** Validated filters; every invalid one is reported. */
    public static ArtifactFilter of(String type, String tag, String approvalStatus) {
        List<FieldError> errors = new ArrayList<>();
        if (type != null && !ArtifactEditor.TYPE.matcher(type).matches()) {
            errors.add(new FieldError("type", ArtifactEditor.TYPE_RULE));
        }
        if (tag != null && (tag.isBlank() || tag.length() > ArtifactEditor.MAX_TAG_CHARS)) {
            errors.add(new FieldError("tag", "must be 1–" + ArtifactEditor.MAX_TAG_CHARS + " characters"));
        }
        if (approvalStatus != null && ApprovalStatus.of(approvalStatus).isEmpty()) {
            errors.add(new FieldError(
                    "approval_status", "must be one of not_required, pending_review, approved, rejected"));
        }
        InvalidRequestException.throwIfAny(errors);
        return new ArtifactFilter(type, tag == null ? null : tag.strip(), approvalStatus);
    }
}
