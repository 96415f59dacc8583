package dev.agentcron.api.thread.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /agents/{id}/chat}. */
@Schema(name = "ChatRequest", description = "One chat turn: a message in one of the agent's threads.")
public record ChatRequest(
        @Schema(
                description = "A thread of this agent.",
                example = "thr_01JD7XK3M4N5P6Q7R8S9T0V1W2",
                maxLength = 100,
                required = true)
        String threadId,

        @Schema(
                description = "The message: not blank, at most `agentcron.chat.max-message-chars` characters"
                        + " (default 32,000). `/help`, `/remember <text>` and `/memories` are answered"
                        + " without a model call.",
                example = "/help",
                minLength = 1,
                maxLength = 32000,
                required = true)
        String message) {}
