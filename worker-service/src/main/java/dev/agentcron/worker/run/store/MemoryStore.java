package dev.agentcron.worker.run.store;

import dev.agentcron.model.id.Ids;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An agent's memories: stored by {@code remember}, found by {@code recall} with full-text search. */
@ApplicationScoped
public class MemoryStore {

    private static final String INSERT =
            "INSERT INTO memories (id, agent_id, workspace_id, content, source) VALUES ($1, $2, $3, $4, $5)";
    private static final String SEARCH = "SELECT id, content, created_at FROM memories"
            + " WHERE agent_id = $1 AND search @@ plainto_tsquery('simple', $2)"
            + " ORDER BY created_at DESC, id DESC LIMIT $3";
    private static final String NEWEST = "SELECT id, content, created_at FROM memories WHERE agent_id = $1"
            + " ORDER BY created_at DESC, id DESC LIMIT $2";

    /**
     * A stored memory.
     *
     * @param id id ({@code mem_...})
     * @param content what was remembered
     * @param createdAt when
     */
    public record Memory(String id, String content, Instant createdAt) {}

    private final Pool pool;

    public MemoryStore(Pool pool) {
        this.pool = pool;
    }

    /** Stores a memory; returns its id. */
    public Uni<String> remember(String agentId, String workspaceId, String content, String source) {
        String id = Ids.next(Ids.MEMORY);
        return pool.preparedQuery(INSERT)
                .execute(Tuple.of(id, agentId, workspaceId, content, source))
                .replaceWith(id);
    }

    /** Memories matching {@code query} (all words, {@code simple} dictionary), newest first; the newest when blank. */
    public Uni<List<Memory>> recall(String agentId, String query, int limit) {
        Uni<io.vertx.mutiny.sqlclient.RowSet<Row>> rows = query == null || query.isBlank()
                ? pool.preparedQuery(NEWEST).execute(Tuple.of(agentId, limit))
                : pool.preparedQuery(SEARCH).execute(Tuple.of(agentId, query, limit));
        return rows.map(rs -> {
            List<Memory> out = new ArrayList<>();
            for (Row row : rs) {
                out.add(new Memory(
                        row.getString("id"),
                        row.getString("content"),
                        RunRows.instant(row.getOffsetDateTime("created_at"))));
            }
            return out;
        });
    }
}
