package dev.agentcron.api.thread.mapping;

import dev.agentcron.model.thread.MessageEntity;
import dev.agentcron.model.thread.ThreadEntity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Entities to API records. */
public final class ThreadMapper {

    private ThreadMapper() {}

    public static ThreadView toView(ThreadEntity thread) {
        return new ThreadView(
                thread.id,
                thread.agentId,
                thread.title,
                thread.messageCount,
                thread.totalTokens,
                millis(thread.createdAt),
                millis(thread.updatedAt),
                millis(thread.archivedAt));
    }

    public static MessageView toView(MessageEntity message) {
        return new MessageView(
                message.id,
                message.role,
                message.content,
                message.toolCalls,
                message.tokens,
                millis(message.createdAt));
    }

    private static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
