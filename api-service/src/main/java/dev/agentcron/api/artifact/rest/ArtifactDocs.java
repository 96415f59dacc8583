package dev.agentcron.api.artifact.rest;

/** OpenAPI descriptions of the artifact operations. */
final class ArtifactDocs {

    static final String AGENT_ID = "Agent id (`agt_…`) or slug.";
    static final String ARTIFACT_ID = "Artifact id (`art_…`) of this agent; another agent's artifact is a 404.";
    static final String LIST = "The agent's artifacts, newest first, without `content` (get one artifact for it)."
            + " Pages hold at most 100 artifacts. Draft-mode runs write `post_draft` artifacts with `approval_status:"
            + " pending_review`: list them with `approval_status=pending_review` to find drafts waiting for a human.";
    static final String CREATE = "Saves an artifact of the agent (a report, a document, a data file), not linked"
            + " to a run: it does not count in the agent's `outputs_today`. `approval_status` is `not_required` by"
            + " default; send `pending_review` to submit it as a draft that a human approves or rejects (a draft"
            + " takes the agent's `channels` unless it names its own). `thread_id` must be a thread of this agent."
            + " Send `Idempotency-Key` to retry safely.";
    static final String GET = "One artifact of the agent, with its `content`.";
    static final String DELETE = "Deletes the artifact (hard delete).";
    static final String APPROVE = "Approves a `pending_review` draft: `approval_status` becomes `approved`,"
            + " `reviewed_by` the name of the calling API key, `reviewed_at` now, `review_note` the body's `note`."
            + " A `content` in the body replaces the draft's text with the reviewer's edit. The system never"
            + " publishes anything: approving records the human's decision for the integrator's publisher."
            + " A draft is decided once: approving or rejecting an artifact that is not `pending_review` (already"
            + " decided, or `not_required`) is a 409, also when two decisions race.";
    static final String REJECT = "Rejects a `pending_review` draft: `approval_status` becomes `rejected`,"
            + " `reviewed_by` the name of the calling API key, `reviewed_at` now, `review_note` the body's `note`."
            + " The draft's content is kept as the agent wrote it (a rejection cannot edit it). A draft is decided"
            + " once: an artifact that is not `pending_review` is a 409, also when two decisions race.";
    static final String NOT_PENDING = "The artifact is not `pending_review`: it was already approved or rejected, or"
            + " it never needed a review.";

    private ArtifactDocs() {}
}
