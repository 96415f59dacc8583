package dev.agentcron.worker.housekeeping;

import io.quarkus.arc.Unremovable;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Deletes finished runs (their steps cascade) and published events older than their retention, in batches so no
 * statement holds locks for long. Run event streams expire on their own (a TTL set after the terminal event).
 */
@ApplicationScoped
@Unremovable
public class RunRetention {

    private static final Logger LOG = Logger.getLogger(RunRetention.class);
    private static final int BATCH = 5000;
    private static final String DELETE_RUNS = """
            DELETE FROM runs WHERE id IN (
              SELECT id FROM runs WHERE completed_at < now() - make_interval(secs => $1) LIMIT $2)""";
    private static final String DELETE_EVENTS = """
            DELETE FROM events WHERE id IN (
              SELECT id FROM events WHERE created_at < now() - make_interval(secs => $1) LIMIT $2)""";

    private final Pool pool;
    private final HousekeepingSettings settings;

    public RunRetention(Pool pool, HousekeepingSettings settings) {
        this.pool = pool;
        this.settings = settings;
    }

    /** Deletes every finished run and every published event older than its retention. */
    public void purge() {
        long runs = deleteInBatches(DELETE_RUNS, settings.runRetention());
        if (runs > 0) {
            LOG.infof("Deleted %d run(s) finished more than %s ago", runs, settings.runRetention());
        }
        long events = deleteInBatches(DELETE_EVENTS, settings.eventRetention());
        if (events > 0) {
            LOG.infof("Deleted %d event(s) published more than %s ago", events, settings.eventRetention());
        }
    }

    private long deleteInBatches(String statement, Duration retention) {
        long total = 0;
        int deleted;
        do {
            deleted = pool.preparedQuery(statement)
                    .execute(Tuple.of((double) retention.toSeconds(), BATCH))
                    .map(rows -> rows.rowCount())
                    .await()
                    .atMost(Duration.ofMinutes(1));
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
