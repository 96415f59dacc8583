package dev.agentcron.worker.queue;

import dev.agentcron.model.queue.Job;
import dev.agentcron.model.queue.RedisKeys;
import dev.agentcron.worker.startup.SchemaGate;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.ReactiveStreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.XGroupCreateArgs;
import io.quarkus.redis.datasource.stream.XReadGroupArgs;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Pulls jobs from the partitions' streams with XREADGROUP, COUNT = free slots of
 * {@code agentcron.worker.concurrency}, the interactive stream first so chat and manual runs never wait
 * behind a scheduled backlog. A job is acknowledged once its run is claimed in PostgreSQL (from then on the
 * run's lease protects it) or found to need nothing; a job whose handling failed stays pending and is
 * redelivered by the {@link Recoverer}.
 */
@ApplicationScoped
public class JobConsumer {

    private static final Logger LOG = Logger.getLogger(JobConsumer.class);

    private final ReactiveStreamCommands<String, String, String> streams;
    private final RedisKeys keys;
    private final WorkerSettings settings;
    private final WorkerIdentity identity;
    private final RunDispatcher dispatcher;
    private final SchemaGate schemaGate;
    private final Vertx vertx;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean reading = new AtomicBoolean();
    private volatile boolean running;
    private int nextPartition;

    public JobConsumer(
            ReactiveRedisDataSource redis,
            RedisKeys keys,
            WorkerSettings settings,
            WorkerIdentity identity,
            RunDispatcher dispatcher,
            SchemaGate schemaGate,
            Vertx vertx) {
        this.streams = redis.stream(String.class, String.class, String.class);
        this.keys = keys;
        this.settings = settings;
        this.identity = identity;
        this.dispatcher = dispatcher;
        this.schemaGate = schemaGate;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        if (!settings.runs(WorkerSettings.Role.CONSUMER)) {
            return;
        }
        schemaGate
                .opened()
                .chain(this::createGroups)
                .subscribe()
                .with(ignored -> start(), failure -> LOG.error("Job consumer not started", failure));
    }

    /** Starts reading. */
    public void start() {
        running = true;
        LOG.infof("Consuming jobs as %s with %d slots", identity.id(), settings.concurrency());
        poll();
    }

    /** Stops taking new jobs; runs in flight go on. */
    public void stop() {
        running = false;
    }

    /** Free execution slots right now. */
    public int freeSlots() {
        return Math.max(0, settings.concurrency() - inFlight.get());
    }

    /** Creates the consumer group on every stream (and the streams), tolerating existing ones. */
    public Uni<Void> createGroups() {
        return Multi.createFrom()
                .range(0, keys.partitions())
                .onItem()
                .transformToUniAndConcatenate(
                        p -> createGroup(keys.interactiveJobs(p)).chain(() -> createGroup(keys.scheduledJobs(p))))
                .collect()
                .last()
                .replaceWithVoid();
    }

    private Uni<Void> createGroup(String stream) {
        return streams.xgroupCreate(stream, settings.group(), "0", new XGroupCreateArgs().mkstream())
                .onFailure(failure -> String.valueOf(failure.getMessage()).startsWith("BUSYGROUP"))
                .recoverWithNull();
    }

    private void poll() {
        if (!running || !reading.compareAndSet(false, true)) {
            return;
        }
        int free = freeSlots();
        if (free == 0) {
            reading.set(false);
            return; // a finishing run polls again
        }
        int partition = nextPartition;
        nextPartition = (nextPartition + 1) % keys.partitions();
        readPartition(partition, free).subscribe().with(this::afterRead, this::afterFailedRead);
    }

    private void afterRead(int taken) {
        reading.set(false);
        if (taken > 0) {
            poll();
        } else {
            vertx.setTimer(settings.idlePoll().toMillis(), id -> poll());
        }
    }

    private void afterFailedRead(Throwable failure) {
        reading.set(false);
        if (String.valueOf(failure.getMessage()).startsWith("NOGROUP")) {
            LOG.warn("Consumer group missing (Redis restarted or flushed?): creating it again");
            createGroups().subscribe().with(ignored -> poll(), this::afterFailedRead);
            return;
        }
        LOG.warnf("Reading jobs failed, retrying in 1 s: %s", failure.getMessage());
        vertx.setTimer(1000, id -> poll());
    }

    private Uni<Integer> readPartition(int partition, int free) {
        return read(keys.interactiveJobs(partition), free)
                .chain(interactive -> interactive >= free
                        ? Uni.createFrom().item(interactive)
                        : read(keys.scheduledJobs(partition), free - interactive)
                                .map(scheduled -> interactive + scheduled));
    }

    private Uni<Integer> read(String stream, int count) {
        return streams.xreadgroup(settings.group(), identity.id(), stream, ">", new XReadGroupArgs().count(count))
                .map(messages -> {
                    messages.forEach(message -> dispatch(stream, message));
                    return messages.size();
                });
    }

    /** Hands one delivered entry to the dispatcher; also used for entries the recoverer reclaimed. */
    public void dispatch(String stream, StreamMessage<String, String, String> message) {
        Job job;
        try {
            job = Job.fromFields(message.payload());
        } catch (RuntimeException malformed) {
            LOG.errorf("Dropping malformed job %s on %s: %s", message.id(), stream, malformed.getMessage());
            ack(stream, message.id()).subscribe().with(ignored -> {}, this::logAckFailure);
            return;
        }
        inFlight.incrementAndGet();
        dispatcher
                .accept(job)
                .call(() -> ack(stream, message.id()))
                .subscribe()
                .with(claimed -> runClaimed(claimed), failure -> {
                    LOG.warnf(
                            "Job %s (%s) not handled, it will be redelivered: %s",
                            message.id(), job, failure.getMessage());
                    finished();
                });
    }

    private void runClaimed(RunDispatcher.Claimed claimed) {
        if (claimed == null) {
            finished();
            return;
        }
        dispatcher.execute(claimed).subscribe().with(ignored -> finished(), failure -> {
            LOG.errorf(failure, "Run %s failed outside the executor", claimed.runId());
            finished();
        });
    }

    private void finished() {
        inFlight.decrementAndGet();
        poll();
    }

    private Uni<Integer> ack(String stream, String id) {
        return streams.xack(stream, settings.group(), id);
    }

    private void logAckFailure(Throwable failure) {
        LOG.warnf("XACK failed: %s", failure.getMessage());
    }

    /** Streams of every partition, interactive first. */
    public List<String> allStreams() {
        List<String> all = new java.util.ArrayList<>();
        for (int p = 0; p < keys.partitions(); p++) {
            all.add(keys.interactiveJobs(p));
            all.add(keys.scheduledJobs(p));
        }
        return all;
    }
}
