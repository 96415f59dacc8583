package dev.agentcron.worker.gateway;

import java.util.List;

/**
 * One message of a chat completion request.
 *
 * @param role {@code system}, {@code user}, {@code assistant} or {@code tool}
 * @param content the text; null for an assistant message that only calls tools
 * @param toolCalls the tool calls of an assistant message, empty otherwise
 * @param toolCallId the call a {@code tool} message answers
 */
public record ChatMessage(String role, String content, List<ToolCall> toolCalls, String toolCallId) {

    public ChatMessage {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public static ChatMessage system(String content) {
        return new ChatMessage("system", content, List.of(), null);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage("user", content, List.of(), null);
    }

    public static ChatMessage assistant(String content, List<ToolCall> toolCalls) {
        return new ChatMessage("assistant", content, toolCalls, null);
    }

    public static ChatMessage tool(String toolCallId, String content) {
        return new ChatMessage("tool", content, List.of(), toolCallId);
    }

    /** Characters this message adds to a request, for token estimates. */
    public int chars() {
        int chars = content == null ? 0 : content.length();
        for (ToolCall call : toolCalls) {
            chars +=
                    call.name().length() + call.arguments().length() + call.id().length();
        }
        return chars;
    }
}
