package dev.agentcron.api.artifact.mapping;

/** Descriptions shared by the artifact schemas of the OpenAPI document. */
final class ArtifactDescriptions {

    static final String TYPE = "Type identifier: lower-case letters, digits and underscores, at most 50 characters"
            + " (`html_report`, `markdown`, `note`, ...). Draft-mode runs write `post_draft`.";
    static final String CHANNELS =
            "Target channels of a draft (seed 000's accounts), for the system that publishes it" + " once approved.";
    static final String APPROVAL_STATUS = "`not_required`: a plain output; `pending_review`: a draft waiting for a"
            + " human; `approved` / `rejected`: the human's decision (`POST …/approve`, `POST …/reject`), made once.";
    static final String REVIEWED_BY = "Name of the API key that approved or rejected the draft.";

    private ArtifactDescriptions() {}
}
