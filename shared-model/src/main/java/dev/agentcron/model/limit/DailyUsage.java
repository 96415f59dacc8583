package dev.agentcron.model.limit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Counts, from PostgreSQL (the record), what an agent's daily limit has used on one UTC day. */
@ApplicationScoped
public class DailyUsage {

    private static final String DRAFTS = "SELECT count(*) FROM artifacts WHERE agent_id = $1"
            + " AND artifact_type = 'post_draft' AND run_id IS NOT NULL AND created_at >= $2 AND created_at < $3";
    private static final String RUNS = "SELECT count(*) FROM runs WHERE agent_id = $1"
            + " AND queued_at >= $2 AND queued_at < $3 AND status <> 'skipped' AND trigger <> 'chat'";

    private final Pool pool;

    public DailyUsage(Pool pool) {
        this.pool = pool;
    }

    /** Units used by the agent on {@code day} (UTC). */
    public Uni<Long> count(String agentId, DailyLimitKind kind, LocalDate day) {
        return count(pool, agentId, kind, day);
    }

    /**
     * The same count on a given connection: a caller inside a transaction must not wait for a second pooled
     * connection while it holds locks others wait on.
     */
    public Uni<Long> count(SqlClient client, String agentId, DailyLimitKind kind, LocalDate day) {
        String sql = kind == DailyLimitKind.DRAFT_OUTPUTS ? DRAFTS : RUNS;
        return client.preparedQuery(sql)
                .execute(Tuple.of(
                        agentId,
                        day.atStartOfDay().atOffset(ZoneOffset.UTC),
                        day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
