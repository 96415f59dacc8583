package dev.agentcron.worker.housekeeping;

import dev.agentcron.model.config.ThreadSettings;
import io.quarkus.arc.Unremovable;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Archives threads idle for {@code agentcron.threads.auto-archive-after-days}: an archived thread keeps its
 * messages but refuses new chat turns. A thread with a turn in progress is left alone.
 */
@ApplicationScoped
@Unremovable
public class ThreadArchiver {

    private static final Logger LOG = Logger.getLogger(ThreadArchiver.class);
    private static final String ARCHIVE = """
            UPDATE threads t SET archived_at = now()
            WHERE t.archived_at IS NULL AND t.last_activity_at < now() - make_interval(days => $1)
              AND NOT EXISTS (SELECT 1 FROM runs r WHERE r.thread_id = t.id
                              AND r.status IN ('queued', 'running', 'cancelling'))""";

    private final Pool pool;
    private final ThreadSettings settings;

    public ThreadArchiver(Pool pool, ThreadSettings settings) {
        this.pool = pool;
        this.settings = settings;
    }

    /** Archives every idle thread; returns how many. */
    public int archive() {
        int archived = pool.preparedQuery(ARCHIVE)
                .execute(Tuple.of(settings.autoArchiveAfterDays()))
                .map(rows -> rows.rowCount())
                .await()
                .atMost(Duration.ofMinutes(1));
        if (archived > 0) {
            LOG.infof("Archived %d thread(s) idle for %d days", archived, settings.autoArchiveAfterDays());
        }
        return archived;
    }
}
