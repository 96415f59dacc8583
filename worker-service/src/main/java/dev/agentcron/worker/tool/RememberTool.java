package dev.agentcron.worker.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcron.worker.gateway.FunctionTool;
import dev.agentcron.worker.run.store.MemoryStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code remember}: stores a fact in the agent's memory, for later runs to {@code recall}. */
@ApplicationScoped
public class RememberTool implements Tool {

    static final int MAX_CHARS = 4000;

    private final MemoryStore memories;
    private final ObjectMapper mapper;
    private final FunctionTool definition;

    public RememberTool(MemoryStore memories, ObjectMapper mapper) {
        this.memories = memories;
        this.mapper = mapper;
        this.definition = ToolSchemas.function(
                mapper, "remember", "Store a fact in your long-term memory so later runs can recall it.", """
                {"type": "object",
                 "properties": {"content": {"type": "string", "description": "The fact to remember", "maxLength": 4000}},
                 "required": ["content"], "additionalProperties": false}
                """);
    }

    @Override
    public String name() {
        return "remember";
    }

    @Override
    public FunctionTool definition() {
        return definition;
    }

    @Override
    public Uni<JsonNode> call(ToolInvocation invocation, ToolArguments arguments) {
        String content = arguments.requiredString("content", MAX_CHARS);
        return memories.remember(invocation.agent().id, invocation.agent().workspaceId, content, "tool")
                .map(id -> mapper.createObjectNode().put("id", id).put("remembered", true));
    }
}
