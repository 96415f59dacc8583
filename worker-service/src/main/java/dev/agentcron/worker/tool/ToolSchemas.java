package dev.agentcron.worker.tool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcron.worker.gateway.FunctionTool;

/** Builds function definitions from JSON schema text. */
final class ToolSchemas {

    private ToolSchemas() {}

    static FunctionTool function(ObjectMapper mapper, String name, String description, String schema) {
        try {
            JsonNode parameters = mapper.readTree(schema);
            return new FunctionTool(name, description, parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Bad schema of tool " + name, e);
        }
    }
}
