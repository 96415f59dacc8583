package dev.agentcron.api.artifact.service;

import java.util.Optional;

/** Where an artifact stands with respect to human review; a draft is decided once. */
public enum ApprovalStatus {
    /** A plain output: nothing to review. */
    NOT_REQUIRED("not_required"),
    /** A draft waiting for a human. */
    PENDING_REVIEW("pending_review"),
    /** A human approved the draft (possibly editing it). */
    APPROVED("approved"),
    /** A human rejected the draft. */
    REJECTED("rejected");

    private final String value;

    ApprovalStatus(String value) {
        this.value = value;
    }

    /** As stored and shown by the API. */
    public String value() {
        return value;
    }

    /** The status named {@code value} exactly, if any. */
    public static Optional<ApprovalStatus> of(String value) {
        for (ApprovalStatus status : values()) {
            if (status.value.equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
