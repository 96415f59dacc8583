package dev.agentcron.api.artifact.service;

import dev.agentcron.api.artifact.mapping.RejectArtifactRequest;
import dev.agentcron.api.common.error.FieldError;
import dev.agentcron.api.common.json.RequestValidator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The checks {@link ArtifactService#reject} runs on a rejection body, without storing anything. */
@ApplicationScoped
public class RejectArtifactValidator implements RequestValidator<RejectArtifactRequest> {

    @Override
    public Class<RejectArtifactRequest> type() {
        return RejectArtifactRequest.class;
    }

    @Override
    public List<FieldError> validate(RejectArtifactRequest request) {
        ArtifactEditor editor = new ArtifactEditor();
        editor.reject(request);
        return editor.errors();
    }
}
