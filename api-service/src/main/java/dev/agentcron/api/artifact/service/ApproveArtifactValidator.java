package dev.agentcron.api.artifact.service;

import dev.agentcron.api.artifact.mapping.ApproveArtifactRequest;
import dev.agentcron.api.common.error.FieldError;
import dev.agentcron.api.common.json.RequestValidator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The checks {@link ArtifactService#approve} runs on an approval body, without storing anything. */
@ApplicationScoped
public class ApproveArtifactValidator implements RequestValidator<ApproveArtifactRequest> {

    @Override
    public Class<ApproveArtifactRequest> type() {
        return ApproveArtifactRequest.class;
    }

    @Override
    public List<FieldError> validate(ApproveArtifactRequest request) {
        ArtifactEditor editor = new ArtifactEditor();
        editor.approve(request);
        return editor.errors();
    }
}
