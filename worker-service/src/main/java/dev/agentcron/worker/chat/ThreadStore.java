package dev.agentcron.worker.chat;

import dev.agentcron.model.id.Ids;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The worker's reads and writes of chat threads: the history of a turn, and the assistant's answer. The
 * answer is written only while this attempt still holds the run (fencing), together with the thread's
 * {@code message_count} and {@code total_tokens}.
 */
@ApplicationScoped
public class ThreadStore {

    private static final String HISTORY = """
            SELECT m.id, m.role, m.content, m.run_id FROM messages m
            WHERE m.thread_id = $1 AND m.role IN ('user', 'assistant') AND m.content IS NOT NULL
              AND m.created_at <= (SELECT max(u.created_at) FROM messages u WHERE u.thread_id = $1 AND u.run_id = $2)
            ORDER BY m.created_at, m.id""";
    private static final String TURN_MESSAGE = """
            SELECT content FROM messages WHERE thread_id = $1 AND run_id = $2 AND role = 'user'
            ORDER BY created_at DESC, id DESC LIMIT 1""";
    private static final String INSERT_ANSWER = """
            WITH held AS (SELECT id FROM runs WHERE id = $2 AND attempt = $3 AND status IN ('running', 'cancelling')),
                 inserted AS (
                   INSERT INTO messages (id, thread_id, run_id, role, content, tool_calls, tokens)
                   SELECT $4, $1, $2, 'assistant', $5, $6::jsonb, $7 FROM held
                   RETURNING tokens)
            UPDATE threads SET message_count = message_count + 1,
                               total_tokens = total_tokens + (SELECT tokens FROM inserted),
                               updated_at = now(), last_activity_at = now()
            WHERE id = $1 AND EXISTS (SELECT 1 FROM inserted)""";

    /** One message of the history. */
    public record HistoryMessage(String role, String content) {}

    private final Pool pool;

    public ThreadStore(Pool pool) {
        this.pool = pool;
    }

    /** The thread's user and assistant messages up to the turn's own user message, oldest first. */
    public Uni<List<HistoryMessage>> history(String threadId, String runId) {
        return pool.preparedQuery(HISTORY).execute(Tuple.of(threadId, runId)).map(rows -> {
            List<HistoryMessage> messages = new ArrayList<>(rows.size());
            for (Row row : rows) {
                messages.add(new HistoryMessage(row.getString("role"), row.getString("content")));
            }
            return messages;
        });
    }

    /** The user message that started the turn; null when there is none. */
    public Uni<String> turnMessage(String threadId, String runId) {
        return pool.preparedQuery(TURN_MESSAGE)
                .execute(Tuple.of(threadId, runId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("content"));
    }

    /**
     * Stores the assistant's answer of the turn and counts it on the thread; false when this attempt no longer
     * holds the run (nothing written).
     */
    public Uni<Boolean> storeAnswer(
            String threadId, String runId, int attempt, String content, String toolCallsJson, long tokens) {
        Tuple values = Tuple.tuple()
                .addString(threadId)
                .addString(runId)
                .addInteger(attempt)
                .addString(Ids.next(Ids.MESSAGE))
                .addString(content)
                .addString(toolCallsJson)
                .addInteger((int) Math.min(Integer.MAX_VALUE, tokens));
        return pool.preparedQuery(INSERT_ANSWER).execute(values).map(rows -> rows.rowCount() > 0);
    }
}
