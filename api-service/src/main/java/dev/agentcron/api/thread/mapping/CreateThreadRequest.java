package dev.agentcron.api.thread.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /agents/{id}/threads}; may be empty. */
@Schema(
        name = "CreateThreadRequest",
        description = "A new thread. `id`, `agent_id`, `message_count`, `total_tokens`, `created_at`, `updated_at` and"
                + " `archived_at` are read-only: like any unknown property, they are a 400.")
public record CreateThreadRequest(
        @Schema(
                description = "Title, 1–200 characters; default \"New Conversation\".",
                example = "Marketing Strategy Discussion",
                minLength = 1,
                maxLength = 200)
        String title) {}
