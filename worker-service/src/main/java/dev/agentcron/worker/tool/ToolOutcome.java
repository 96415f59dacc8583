package dev.agentcron.worker.tool;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A finished tool call.
 *
 * @param callId the model's tool call id
 * @param name the tool name as the model wrote it
 * @param arguments the arguments as parsed (an object), or the raw text when they were not JSON
 * @param result the result sent back to the model: the tool's JSON, or {@code {"error": "..."}}
 * @param failed whether {@code result} is an error
 * @param durationMs how long it took
 */
public record ToolOutcome(
        String callId, String name, JsonNode arguments, JsonNode result, boolean failed, long durationMs) {

    /** The error message of a failed call, or null. */
    public String errorMessage() {
        return failed ? result.path("error").asText() : null;
    }
}
