package dev.agentcron.worker.gateway;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A tool offered to the model as an OpenAI function tool.
 *
 * @param name the function name
 * @param description what it does, for the model
 * @param parameters the JSON schema of its arguments object
 */
public record FunctionTool(String name, String description, JsonNode parameters) {}
