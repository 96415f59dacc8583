package dev.agentcron.worker.gateway;

/**
 * A function call requested by the model.
 *
 * @param id the id the {@code tool} message answering it must carry
 * @param name the function name
 * @param arguments the arguments as the model wrote them (a JSON object as text, possibly invalid)
 */
public record ToolCall(String id, String name, String arguments) {}
