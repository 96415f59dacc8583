package dev.agentcron.worker.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentcron.model.queue.Job;
import dev.agentcron.model.queue.JobQueue;
import dev.agentcron.model.queue.RedisKeys;
import dev.agentcron.model.queue.RedisScripts;
import dev.agentcron.model.queue.RunEventType;
import dev.agentcron.model.run.RunStatus;
import dev.agentcron.worker.run.event.RunEventPublisher;
import dev.agentcron.worker.run.store.RunStore;
import dev.agentcron.worker.startup.SchemaGate;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.PendingMessage;
import io.quarkus.redis.datasource.stream.ReactiveStreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.redis.datasource.stream.XPendingArgs;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Recovers what a vanished worker left behind, on every worker:
 *
 * <ul>
 *   <li>runs whose lease expired: a {@code cancelling} run ends {@code cancelled}; a run with attempts left
 *       is queued again; otherwise it ends {@code error} with code {@code worker_lost}. The update takes the
 *       rows with {@code SKIP LOCKED}, so replicas never recover the same run twice;
 *   <li>jobs delivered but not acknowledged for longer than the lease (the worker died before claiming their
 *       run): taken over with XAUTOCLAIM and handled again; a job delivered too often goes to the dead-letter
 *       stream.
 * </ul>
 */
@ApplicationScoped
public class Recoverer {

    private static final Logger LOG = Logger.getLogger(Recoverer.class);
    private static final int BATCH = 200;
    private static final String DEAD_LETTER = "job_dead_letter";
    private static final String DEAD_LETTER_MAX_LENGTH = "100000";
    private static final String EXPIRED = """
            WITH expired AS (
              SELECT id FROM runs WHERE status IN ('running', 'cancelling') AND lease_expires_at < now()
              ORDER BY lease_expires_at LIMIT $2 FOR UPDATE SKIP LOCKED)
            UPDATE runs r SET
              status = CASE WHEN r.status = 'cancelling' THEN 'cancelled' WHEN r.attempt < $1 THEN 'queued' ELSE 'error' END,
              error = CASE WHEN r.status <> 'cancelling' AND r.attempt >= $1 THEN jsonb_build_object('code', 'worker_lost',
                        'message', 'the worker running this run (' || coalesce(r.worker_id, '?')
                        || ') stopped renewing its lease') END,
              completed_at = CASE WHEN r.status = 'cancelling' OR r.attempt >= $1 THEN now() END,
              duration_ms = CASE WHEN r.status = 'cancelling' OR r.attempt >= $1
                            THEN (extract(epoch FROM now() - coalesce(r.started_at, now())) * 1000)::bigint END,
              worker_id = NULL, lease_expires_at = NULL
            FROM expired WHERE r.id = expired.id
            RETURNING r.id, r.agent_id, r.trigger, r.status, r.error::text AS error""";

    private final Pool pool;
    private final ReactiveStreamCommands<String, String, String> streams;
    private final RedisScripts scripts;
    private final RedisKeys keys;
    private final JobQueue queue;
    private final JobConsumer consumer;
    private final RunEventPublisher events;
    private final RunStore store;
    private final WorkerSettings settings;
    private final WorkerIdentity identity;
    private final SchemaGate schemaGate;
    private final Vertx vertx;
    private final ObjectMapper mapper;
    private volatile long timerId = -1;

    public Recoverer(
            Pool pool,
            ReactiveRedisDataSource redis,
            RedisScripts scripts,
            RedisKeys keys,
            JobQueue queue,
            JobConsumer consumer,
            RunEventPublisher events,
            RunStore store,
            WorkerSettings settings,
            WorkerIdentity identity,
            SchemaGate schemaGate,
            Vertx vertx,
            ObjectMapper mapper) {
        this.pool = pool;
        this.streams = redis.stream(String.class, String.class, String.class);
        this.scripts = scripts;
        this.keys = keys;
        this.queue = queue;
        this.consumer = consumer;
        this.events = events;
        this.store = store;
        this.settings = settings;
        this.identity = identity;
        this.schemaGate = schemaGate;
        this.vertx = vertx;
        this.mapper = mapper;
    }

    void onStart(@Observes StartupEvent event) {
        if (!settings.runs(WorkerSettings.Role.RECOVERY)) {
            return;
        }
        schemaGate.opened().subscribe().with(ignored -> start());
    }

    public void start() {
        timerId = vertx.setPeriodic(settings.recoverInterval().toMillis(), id -> recoverOnce()
                .subscribe()
                .with(ignored -> {}, failure -> LOG.warnf("Recovery round failed: %s", failure.getMessage())));
    }

    public void stop() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** One round: expired leases first, then stuck deliveries. */
    public Uni<Void> recoverOnce() {
        return recoverExpiredLeases().chain(this::recoverDeliveries);
    }

    /** Ends or re-queues every run whose lease expired; returns how many. */
    public Uni<Integer> recoverExpiredLeases() {
        return pool.preparedQuery(EXPIRED)
                .execute(Tuple.of(settings.maxAttempts(), BATCH))
                .chain(rows -> {
                    List<Row> recovered = new ArrayList<>();
                    rows.forEach(recovered::add);
                    return Multi.createFrom()
                            .iterable(recovered)
                            .onItem()
                            .transformToUniAndConcatenate(this::afterRecovery)
                            .collect()
                            .last()
                            .replaceWith(recovered.size());
                });
    }

    private Uni<Void> afterRecovery(Row row) {
        String runId = row.getString("id");
        String agentId = row.getString("agent_id");
        RunStatus status = RunStatus.of(row.getString("status"));
        if (status == RunStatus.QUEUED) {
            LOG.warnf("Run %s lost its worker: queued again", runId);
            boolean interactive = "manual".equals(row.getString("trigger")) || "chat".equals(row.getString("trigger"));
            return queue.enqueue(Job.run(runId, agentId), interactive).replaceWithVoid();
        }
        LOG.warnf("Run %s lost its worker: it ends %s", runId, status.value());
        ObjectNode data = mapper.createObjectNode().put("status", "failed");
        ObjectNode error = data.putObject("error");
        if (status == RunStatus.CANCELLED) {
            error.put("code", "cancelled").put("message", "the run was cancelled");
        } else {
            error.put("code", "worker_lost").put("message", "the worker running this run stopped renewing its lease");
        }
        return store.recordAgentOutcome(agentId, status)
                .chain(() -> events.open(runId).close(RunEventType.FAILED, data));
    }

    private Uni<Void> recoverDeliveries() {
        return Multi.createFrom()
                .iterable(consumer.allStreams())
                .onItem()
                .transformToUniAndConcatenate(this::recoverStream)
                .collect()
                .last()
                .replaceWithVoid();
    }

    private Uni<Void> recoverStream(String stream) {
        int free = consumer.freeSlots();
        if (free == 0) {
            return Uni.createFrom().voidItem();
        }
        return streams.xpending(
                        stream,
                        settings.group(),
                        StreamRange.of("-", "+"),
                        Math.min(free, BATCH),
                        new XPendingArgs().idle(settings.lease()))
                .chain(pending -> deadLetter(stream, pending))
                .chain(() -> streams.xautoclaim(
                        stream, settings.group(), identity.id(), settings.lease(), "0", Math.min(free, BATCH)))
                .invoke(claimed -> {
                    if (!claimed.getMessages().isEmpty()) {
                        LOG.infof(
                                "Took over %d stuck job(s) on %s",
                                claimed.getMessages().size(), stream);
                    }
                    claimed.getMessages().forEach(message -> consumer.dispatch(stream, message));
                })
                .onFailure(failure -> String.valueOf(failure.getMessage()).startsWith("NOGROUP"))
                .recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Void> deadLetter(String stream, List<PendingMessage> pending) {
        List<PendingMessage> exhausted = pending.stream()
                .filter(message -> message.getDeliveryCount() >= settings.maxDeliveries())
                .toList();
        return Multi.createFrom()
                .iterable(exhausted)
                .onItem()
                .transformToUniAndConcatenate(message -> streams.xclaim(
                                stream, settings.group(), identity.id(), settings.lease(), message.getMessageId())
                        .chain(claimed -> claimed.isEmpty()
                                ? Uni.createFrom().voidItem()
                                : moveToDeadLetters(stream, claimed.get(0), message.getDeliveryCount())))
                .collect()
                .last()
                .replaceWithVoid();
    }

    private Uni<Void> moveToDeadLetters(String stream, StreamMessage<String, String, String> message, int deliveries) {
        LOG.errorf(
                "Job %s on %s was delivered %d times: moving it to the dead-letter stream",
                message.id(), stream, deliveries);
        int partition = partitionOf(stream);
        List<String> args = new ArrayList<>();
        args.add(settings.group());
        args.add(message.id());
        args.add(Integer.toString(deliveries));
        args.add(DEAD_LETTER_MAX_LENGTH);
        for (Map.Entry<String, String> field : message.payload().entrySet()) {
            args.add(field.getKey());
            args.add(field.getValue());
        }
        return scripts.run(DEAD_LETTER, List.of(stream, keys.deadLetters(partition)), args)
                .replaceWithVoid();
    }

    private int partitionOf(String stream) {
        for (int p = 0; p < keys.partitions(); p++) {
            if (stream.equals(keys.interactiveJobs(p)) || stream.equals(keys.scheduledJobs(p))) {
                return p;
            }
        }
        throw new IllegalArgumentException("Not a job stream: " + stream);
    }
}
