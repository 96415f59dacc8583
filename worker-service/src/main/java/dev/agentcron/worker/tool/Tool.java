package dev.agentcron.worker.tool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentcron.worker.gateway.FunctionTool;
import io.smallrye.mutiny.Uni;

/**
 * A built-in tool the model may call when the agent lists it in {@code tools}. Implementations fail with
 * {@link ToolException} for anything the model should read (bad arguments, refused URL, ...).
 */
public interface Tool {

    /** The name in the agent's {@code tools} and in the function definition. */
    String name();

    /** The OpenAI function definition offered to the model. */
    FunctionTool definition();

    /** Runs the tool; the result is sent back to the model as JSON. */
    Uni<JsonNode> call(ToolInvocation invocation, ToolArguments arguments);
}
