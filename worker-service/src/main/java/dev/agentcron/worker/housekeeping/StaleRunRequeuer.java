package dev.agentcron.worker.housekeeping;

import dev.agentcron.model.queue.Job;
import dev.agentcron.model.queue.JobQueue;
import dev.agentcron.model.queue.RedisKeys;
import dev.agentcron.model.run.RunAdmission;
import io.quarkus.arc.Unremovable;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Dual writes go through PostgreSQL first: a run inserted as {@code queued} whose job never reached a
 * worker (Redis down, flushed, or the api-service died between insert and XADD) is enqueued again here.
 * A second delivery is harmless: claiming is a conditional update.
 */
@ApplicationScoped
@Unremovable
public class StaleRunRequeuer {

    private static final Logger LOG = Logger.getLogger(StaleRunRequeuer.class);
    private static final int BATCH = 1000;
    private static final String STALE_QUEUED = """
            SELECT r.id, r.agent_id, r.trigger FROM runs r
            WHERE r.status = 'queued' AND r.queued_at < now() - make_interval(secs => $1)
              AND (r.status_reason IS DISTINCT FROM $2
                   OR NOT EXISTS (SELECT 1 FROM runs a WHERE a.agent_id = r.agent_id
                                  AND a.status IN ('running', 'cancelling')))
            ORDER BY r.queued_at
            LIMIT $3""";

    private final Pool pool;
    private final JobQueue queue;
    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;
    private final HousekeepingSettings settings;

    public StaleRunRequeuer(
            Pool pool, JobQueue queue, ReactiveRedisDataSource redis, RedisKeys keys, HousekeepingSettings settings) {
        this.pool = pool;
        this.queue = queue;
        this.redis = redis;
        this.keys = keys;
        this.settings = settings;
    }

    /** Enqueues again every queued run older than the threshold that was not enqueued again recently. */
    public void requeue() {
        int count = staleRuns()
                .onItem()
                .transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .onItem()
                .transformToUniAndMerge(this::requeueOnce)
                .collect()
                .with(Collectors.summingInt(Integer::intValue))
                .await()
                .atMost(Duration.ofMinutes(1));
        if (count > 0) {
            LOG.infof("Enqueued %d stale queued run(s) again", count);
        }
    }

    private Uni<List<Row>> staleRuns() {
        return pool.preparedQuery(STALE_QUEUED)
                .execute(Tuple.of(
                        (double) settings.requeueAfter().toSeconds(), RunAdmission.WAITING_FOR_ACTIVE_RUN, BATCH))
                .map(rows -> {
                    List<Row> list = new ArrayList<>();
                    rows.forEach(list::add);
                    return list;
                });
    }

    private Uni<Integer> requeueOnce(Row row) {
        String runId = row.getString("id");
        String markerSeconds = Long.toString(Math.max(1, settings.requeueAfter().toSeconds()));
        return redis.execute("SET", keys.requeued(runId), "1", "NX", "EX", markerSeconds)
                .chain(reply -> reply == null
                        ? Uni.createFrom().item(0)
                        : queue.enqueue(Job.run(runId, row.getString("agent_id")), isInteractive(row))
                                .replaceWith(1));
    }

    private static boolean isInteractive(Row row) {
        String trigger = row.getString("trigger");
        return "manual".equals(trigger) || "chat".equals(trigger);
    }
}
