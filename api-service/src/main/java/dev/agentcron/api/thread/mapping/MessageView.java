package dev.agentcron.api.thread.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One message of a thread. */
@Schema(name = "Message", description = "A message of a thread: the user's or the agent's.")
public record MessageView(
        @Schema(description = "Message id.", example = "msg_01JD7XK3M4N5P6Q7R8S9T0V1W2")
        String id,

        @Schema(
                description = "Who wrote it.",
                enumeration = {"system", "user", "assistant", "tool"},
                example = "user")
        String role,

        @Schema(description = "The text.", nullable = true, example = "What changed this week?")
        String content,

        @Schema(
                description = "Tool calls of an assistant message, when stored.",
                type = SchemaType.ARRAY,
                nullable = true)
        JsonNode toolCalls,

        @Schema(description = "Tokens of the message (the model's output tokens for an answer).", example = "42")
        int tokens,

        Instant createdAt) {}
