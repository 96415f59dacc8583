package dev.agentcron.worker.gateway;

import java.util.List;

/**
 * A model's answer.
 *
 * @param model the model that answered (the one asked, after any fallback)
 * @param content its text, empty when it only called tools
 * @param toolCalls the tools it called, in index order
 * @param finishReason {@code stop}, {@code tool_calls}, {@code length}, ... or null when the gateway sent none
 * @param usage tokens as reported by the gateway; estimated from characters when it reported none
 * @param usageReported whether the gateway reported the usage
 */
public record Completion(
        String model,
        String content,
        List<ToolCall> toolCalls,
        String finishReason,
        Usage usage,
        boolean usageReported) {

    public Completion {
        content = content == null ? "" : content;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public boolean hasToolCalls() {
        return !toolCalls.isEmpty();
    }
}
