package dev.agentcron.worker.gateway;

import java.util.List;

/**
 * What a model call sends, whatever model of the fallback chain answers it.
 *
 * @param messages the conversation so far
 * @param tools the tools offered (none: no {@code tools} field)
 * @param maxTokens always sent as {@code max_tokens}, so the worst case of a call is known
 * @param temperature sampling temperature, or null for the gateway's default
 */
public record ChatRequest(List<ChatMessage> messages, List<FunctionTool> tools, int maxTokens, Double temperature) {

    public ChatRequest {
        messages = List.copyOf(messages);
        tools = tools == null ? List.of() : List.copyOf(tools);
    }

    /** Characters of the request's content (messages and tool schemas), for input token estimates. */
    public int chars() {
        int chars = 0;
        for (ChatMessage message : messages) {
            chars += message.chars();
        }
        for (FunctionTool tool : tools) {
            chars += tool.name().length()
                    + tool.description().length()
                    + tool.parameters().toString().length();
        }
        return chars;
    }
}
