package dev.agentcron.api.artifact.service;

import dev.agentcron.api.artifact.mapping.CreateArtifactRequest;
import dev.agentcron.api.common.error.FieldError;
import dev.agentcron.api.common.json.RequestValidator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The checks {@link ArtifactService#create} runs on a new artifact, without storing anything. */
@ApplicationScoped
public class CreateArtifactValidator implements RequestValidator<CreateArtifactRequest> {

    @Override
    public Class<CreateArtifactRequest> type() {
        return CreateArtifactRequest.class;
    }

    @Override
    public List<FieldError> validate(CreateArtifactRequest request) {
        ArtifactEditor editor = new ArtifactEditor();
        editor.create(request);
        return editor.errors();
    }
}
