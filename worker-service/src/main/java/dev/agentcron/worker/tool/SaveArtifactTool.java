package dev.agentcron.worker.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcron.model.agent.AgentEntity;
import dev.agentcron.worker.gateway.FunctionTool;
import dev.agentcron.worker.run.store.ArtifactStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code save_artifact}: saves a document (report, note, ...) as an artifact of the run, {@code approval_status
 * not_required}. The {@code post_draft} type is reserved for draft mode, whose drafts wait for review.
 */
@ApplicationScoped
public class SaveArtifactTool implements Tool {

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]{0,49}");

    private final ArtifactStore artifacts;
    private final ObjectMapper mapper;
    private final FunctionTool definition;

    public SaveArtifactTool(ArtifactStore artifacts, ObjectMapper mapper) {
        this.artifacts = artifacts;
        this.mapper = mapper;
        this.definition = ToolSchemas.function(
                mapper,
                "save_artifact",
                "Save a document (a report, a summary, a note) as an output of this run.",
                """
                {"type": "object",
                 "properties": {"title": {"type": "string", "maxLength": 200},
                                "content": {"type": "string", "maxLength": 200000},
                                "summary": {"type": "string", "maxLength": 2000},
                                "tags": {"type": "array", "items": {"type": "string", "maxLength": 50}, "maxItems": 20},
                                "artifact_type": {"type": "string", "description": "e.g. html_report, markdown, note",
                                                  "maxLength": 50}},
                 "required": ["title", "content"], "additionalProperties": false}
                """);
    }

    @Override
    public String name() {
        return "save_artifact";
    }

    @Override
    public FunctionTool definition() {
        return definition;
    }

    @Override
    public Uni<JsonNode> call(ToolInvocation invocation, ToolArguments arguments) {
        String title = arguments.requiredString("title", 200);
        String content = arguments.requiredString("content", 200_000);
        String summary = arguments.optionalString("summary", 2000);
        List<String> tags = arguments.optionalStrings("tags", 20, 50);
        String type = arguments.optionalString("artifact_type", 50);
        if (type == null) {
            type = "html_report";
        } else if (!TYPE.matcher(type).matches()) {
            throw new ToolException("'artifact_type' must be lower-case letters, digits and underscores");
        } else if ("post_draft".equals(type)) {
            throw new ToolException("'post_draft' artifacts are made by draft mode only");
        }
        AgentEntity agent = invocation.agent();
        ArtifactStore.NewArtifact artifact = new ArtifactStore.NewArtifact(
                agent.id, agent.workspaceId, title, type, content, summary, tags, List.of(), "not_required");
        String artifactType = type;
        return artifacts
                .create(invocation.runId(), invocation.attempt(), artifact)
                .map(id -> id.<JsonNode>map(saved -> mapper.createObjectNode()
                                .put("id", saved)
                                .put("title", title)
                                .put("artifact_type", artifactType))
                        .orElseThrow(() -> new ToolException("the run no longer owns its work; nothing saved")));
    }
}
