package dev.agentcron.worker.housekeeping;

import dev.agentcron.model.queue.Job;
import dev.agentcron.model.queue.JobQueue;
import dev.agentcron.model.queue.RedisKeys;
import dev.agentcron.model.queue.RedisScripts;
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
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Dual writes go through PostgreSQL first: a run inserted as {@code queued} whose job never reached a
 * worker (Redis down, flushed, or the api-service died between insert and XADD) is enqueued again here.
 * A run queued after the oldest job its stream has not delivered yet is left alone: its job may simply be
 * waiting its turn behind a backlog, and enqueuing it again would only lengthen that backlog. A job is added
 * after its run's insert commits (milliseconds later, more under load), so a run queued up to {@code
 * agentcron.housekeeping.requeue-after} before that oldest job counts as possibly waiting too. A second delivery
 * is harmless anyway: claiming is a conditional update.
 */
@ApplicationScoped
@Unremovable
public class StaleRunRequeuer {

    private static final Logger LOG = Logger.getLogger(StaleRunRequeuer.class);
    private static final int BATCH = 1000;
    private static final String UNDELIVERED_SINCE = "job_undelivered_since";
    private static final String STALE_QUEUED = """
            SELECT r.id, r.agent_id, r.trigger, r.queued_at FROM runs r
            WHERE r.status = 'queued' AND r.queued_at < now() - make_interval(secs => $1)
              AND (r.status_reason IS DISTINCT FROM $2
                   OR NOT EXISTS (SELECT 1 FROM runs a WHERE a.agent_id = r.agent_id
                                  AND a.status IN ('running', 'cancelling')))
            ORDER BY r.queued_at
            LIMIT $3""";

    private final Pool pool;
    private final JobQueue queue;
    private final ReactiveRedisDataSource redis;
    private final RedisScripts scripts;
    private final RedisKeys keys;
    private final HousekeepingSettings settings;

    public StaleRunRequeuer(
            Pool pool,
            JobQueue queue,
            ReactiveRedisDataSource redis,
            RedisScripts scripts,
            RedisKeys keys,
            HousekeepingSettings settings) {
        this.pool = pool;
        this.queue = queue;
        this.redis = redis;
        this.scripts = scripts;
        this.keys = keys;
        this.settings = settings;
    }

    /** A queued run older than the threshold, with the stream its job goes to. */
    private record StaleRun(String id, String agentId, boolean interactive, long queuedAtMillis, String stream) {

        /**
         * Whether its job may still wait in the stream, whose backlog begins at {@code backlogStart} (-1: none),
         * given that a job is added up to {@code enqueueLag} after its run was queued.
         */
        boolean mayStillWait(long backlogStart, Duration enqueueLag) {
            return backlogStart >= 0 && queuedAtMillis + enqueueLag.toMillis() >= backlogStart;
        }
    }

    /** Housekeeping entry point: {@link #requeueOlderThan} with {@code agentcron.housekeeping.requeue-after}. */
    public void requeue() {
        requeueOlderThan(settings.requeueAfter());
    }

    /**
     * Enqueues again every queued run older than {@code age} whose job is not waiting in its stream and that was
     * not enqueued again recently; returns how many.
     */
    public int requeueOlderThan(Duration age) {
        int count = staleRuns(age)
                .chain(this::notWaitingInTheirStreams)
                .onItem()
                .transformToMulti(runs -> Multi.createFrom().iterable(runs))
                .onItem()
                .transformToUniAndMerge(this::requeueOnce)
                .collect()
                .with(Collectors.summingInt(Integer::intValue))
                .await()
                .atMost(Duration.ofMinutes(1));
        if (count > 0) {
            LOG.infof("Enqueued %d stale queued run(s) again", count);
        }
        return count;
    }

    private Uni<List<StaleRun>> staleRuns(Duration age) {
        return pool.preparedQuery(STALE_QUEUED)
                .execute(Tuple.of(age.toMillis() / 1000.0, RunAdmission.WAITING_FOR_ACTIVE_RUN, BATCH))
                .map(rows -> {
                    List<StaleRun> runs = new ArrayList<>();
                    rows.forEach(row -> runs.add(staleRun(row)));
                    return runs;
                });
    }

    private StaleRun staleRun(Row row) {
        String agentId = row.getString("agent_id");
        String trigger = row.getString("trigger");
        boolean interactive = "manual".equals(trigger) || "chat".equals(trigger);
        long queuedAt = row.getOffsetDateTime("queued_at").toInstant().toEpochMilli();
        return new StaleRun(row.getString("id"), agentId, interactive, queuedAt, queue.streamOf(agentId, interactive));
    }

    /** Drops the runs whose job may still wait behind their stream's backlog (one script call per stream). */
    private Uni<List<StaleRun>> notWaitingInTheirStreams(List<StaleRun> stale) {
        Set<String> streams = stale.stream().map(StaleRun::stream).collect(Collectors.toSet());
        return Multi.createFrom()
                .iterable(streams)
                .onItem()
                .transformToUniAndConcatenate(stream -> scripts.run(UNDELIVERED_SINCE, List.of(stream), List.of())
                        .map(since -> Map.entry(stream, since.toLong())))
                .collect()
                .asMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(backlogStarts -> {
                    List<StaleRun> lost = stale.stream()
                            .filter(run -> !run.mayStillWait(backlogStarts.get(run.stream()), settings.requeueAfter()))
                            .toList();
                    if (lost.size() < stale.size()) {
                        LOG.infof(
                                "Left %d stale queued run(s) alone: their streams still hold undelivered jobs from"
                                        + " before they were queued",
                                stale.size() - lost.size());
                    }
                    return lost;
                });
    }

    private Uni<Integer> requeueOnce(StaleRun run) {
        String markerSeconds = Long.toString(Math.max(1, settings.requeueAfter().toSeconds()));
        return redis.execute("SET", keys.requeued(run.id()), "1", "NX", "EX", markerSeconds)
                .chain(reply -> reply == null
                        ? Uni.createFrom().item(0)
                        : queue.enqueue(Job.run(run.id(), run.agentId()), run.interactive())
                                .replaceWith(1));
    }
}
