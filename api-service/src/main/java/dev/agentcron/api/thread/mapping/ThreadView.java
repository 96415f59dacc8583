package dev.agentcron.api.thread.mapping;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A conversation thread of an agent. */
@Schema(name = "Thread", description = "A conversation with an agent (seed 001).")
public record ThreadView(
        @Schema(description = "Thread id.", example = "thr_01JD7XK3M4N5P6Q7R8S9T0V1W2", readOnly = true)
        String id,

        @Schema(description = "The agent.", example = "agt_01JD7XK3M4N5P6Q7R8S9T0V1W2", readOnly = true)
        String agentId,

        @Schema(description = "Title.", example = "Marketing Strategy Discussion", maxLength = 200)
        String title,

        @Schema(description = "Messages stored in the thread (user and assistant).", example = "24", readOnly = true)
        int messageCount,

        @Schema(description = "Tokens of those messages.", example = "15230", readOnly = true)
        long totalTokens,

        @Schema(readOnly = true) Instant createdAt,
        @Schema(readOnly = true) Instant updatedAt,

        @Schema(
                description = "When the thread was archived after its idle days; an archived thread refuses"
                        + " new chat turns (409).",
                nullable = true,
                readOnly = true)
        Instant archivedAt) {}
