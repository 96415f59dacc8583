package dev.agentcron.worker.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentcron.worker.config.RuntimeConfig;
import dev.agentcron.worker.gateway.FunctionTool;
import dev.agentcron.worker.run.store.ArtifactStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code list_recent_outputs}: titles and summaries of the agent's newest artifacts. */
@ApplicationScoped
public class ListRecentOutputsTool implements Tool {

    private static final int DEFAULT_LIMIT = 5;

    private final ArtifactStore artifacts;
    private final ObjectMapper mapper;
    private final RuntimeConfig config;
    private final FunctionTool definition;

    public ListRecentOutputsTool(ArtifactStore artifacts, ObjectMapper mapper, RuntimeConfig config) {
        this.artifacts = artifacts;
        this.mapper = mapper;
        this.config = config;
        this.definition = ToolSchemas.function(
                mapper,
                "list_recent_outputs",
                "List your most recent outputs (artifacts): id, title, type, summary and date, newest first.",
                """
                {"type": "object",
                 "properties": {"limit": {"type": "integer", "minimum": 1, "maximum": 50}},
                 "additionalProperties": false}
                """);
    }

    @Override
    public String name() {
        return "list_recent_outputs";
    }

    @Override
    public FunctionTool definition() {
        return definition;
    }

    @Override
    public Uni<JsonNode> call(ToolInvocation invocation, ToolArguments arguments) {
        int max = config.recentOutputsMaxResults();
        int limit = Math.min(arguments.optionalInt("limit", 1, 50, DEFAULT_LIMIT), max);
        return artifacts.recent(invocation.agent().id, limit, 0).map(recent -> {
            ArrayNode items = mapper.createArrayNode();
            for (ArtifactStore.RecentArtifact artifact : recent) {
                ObjectNode item = items.addObject()
                        .put("id", artifact.id())
                        .put("title", artifact.title())
                        .put("artifact_type", artifact.artifactType())
                        .put("created_at", artifact.createdAt().toString());
                item.put("summary", artifact.summary());
            }
            return mapper.createObjectNode().set("outputs", items);
        });
    }
}
