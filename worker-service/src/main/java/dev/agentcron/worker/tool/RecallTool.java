package dev.agentcron.worker.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.agentcron.worker.config.RuntimeConfig;
import dev.agentcron.worker.gateway.FunctionTool;
import dev.agentcron.worker.run.store.MemoryStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code recall}: full-text search of the agent's memories, newest first. */
@ApplicationScoped
public class RecallTool implements Tool {

    private final MemoryStore memories;
    private final ObjectMapper mapper;
    private final RuntimeConfig config;
    private final FunctionTool definition;

    public RecallTool(MemoryStore memories, ObjectMapper mapper, RuntimeConfig config) {
        this.memories = memories;
        this.mapper = mapper;
        this.config = config;
        this.definition = ToolSchemas.function(
                mapper,
                "recall",
                "Search your long-term memory. Returns matching memories, newest first; an empty query returns"
                        + " the newest.",
                """
                {"type": "object",
                 "properties": {"query": {"type": "string", "description": "Words to search for", "maxLength": 500},
                                "limit": {"type": "integer", "minimum": 1, "maximum": 50}},
                 "additionalProperties": false}
                """);
    }

    @Override
    public String name() {
        return "recall";
    }

    @Override
    public FunctionTool definition() {
        return definition;
    }

    @Override
    public Uni<JsonNode> call(ToolInvocation invocation, ToolArguments arguments) {
        String query = arguments.optionalString("query", 500);
        int max = config.recallMaxResults();
        int limit = arguments.optionalInt("limit", 1, 50, max);
        return memories.recall(invocation.agent().id, query, Math.min(limit, max))
                .map(found -> {
                    ArrayNode items = mapper.createArrayNode();
                    for (MemoryStore.Memory memory : found) {
                        items.addObject()
                                .put("id", memory.id())
                                .put("content", memory.content())
                                .put("created_at", memory.createdAt().toString());
                    }
                    return mapper.createObjectNode().set("memories", items);
                });
    }
}
