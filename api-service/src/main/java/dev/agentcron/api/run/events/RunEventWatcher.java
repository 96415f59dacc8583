package dev.agentcron.api.run.events;

import dev.agentcron.model.queue.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands.ReactiveRedisSubscriber;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Wakes the SSE connections of a run when its event stream grows. Every append to a run's stream publishes
 * the run id on {@link RedisKeys#runEventsChannel()} in the same script ({@code RunEventLog}); this JVM holds
 * one subscription to that channel and, on a message for a run it has connections of, wakes those that wait.
 * The cost of a wake-up grows with the events, not with the number of open streams; a burst of events for one
 * run wakes each of its waiting connections once, and they read the stream themselves, from their own cursor.
 *
 * <p>Pub/sub delivers at most once, so the watcher never relies on a message alone: each connection takes
 * the run's {@linkplain Run#version() version} (how many messages arrived for it) before it reads the stream,
 * and waits only if no message arrived since (a message during the read wakes it at once). Runs whose waiting
 * connections heard nothing for {@code agentcron.sse.safety-poll} are polled (the id of their stream's newest
 * entry, pipelined in batches), and so is every watched run after the subscription was lost and restored: a
 * lost message delays an event by that interval at most, it never loses it.
 */
@ApplicationScoped
public class RunEventWatcher {

    private static final Logger LOG = Logger.getLogger(RunEventWatcher.class);
    private static final long RESUBSCRIBE_AFTER_MS = 500;

    private final ReactiveRedisDataSource data;
    private final Redis redis;
    private final RedisKeys keys;
    private final SseConfig config;
    private final io.vertx.mutiny.core.Vertx vertx;

    /** Runs with at least one open connection in this JVM. */
    private final Map<String, Run> runs = new ConcurrentHashMap<>();

    private volatile ReactiveRedisSubscriber subscriber;
    private volatile boolean stopped;
    private volatile boolean polling;
    private long pollTimer = -1;

    public RunEventWatcher(
            ReactiveRedisDataSource data,
            Redis redis,
            RedisKeys keys,
            SseConfig config,
            io.vertx.mutiny.core.Vertx vertx) {
        this.data = data;
        this.redis = redis;
        this.keys = keys;
        this.config = config;
        this.vertx = vertx;
    }

    /** The connections of one run in this JVM: what wakes them, and the waiting ones. */
    public final class Run {
        private final String runId;
        private final String key;
        private int connections;
        private long version;
        /** When a message or a poll last told about this run. */
        private long heardNanos = System.nanoTime();

        private final List<Waiter> waiters = new ArrayList<>();

        private Run(String runId, String key) {
            this.runId = runId;
            this.key = key;
        }

        /** How many messages arrived for the run: taken before a read, handed to {@link #awaitChange}. */
        public synchronized long version() {
            return version;
        }

        /**
         * Completes once a message arrives for the run after {@code seenVersion} was taken (at once if one did
         * already), or a poll finds an entry after {@code afterId}. Waking is a hint: the woken connection reads
         * its stream and waits again when it found nothing.
         */
        public Uni<Void> awaitChange(long seenVersion, String afterId) {
            return Uni.createFrom().emitter(emitter -> {
                Waiter waiter = new Waiter(emitter, afterId);
                synchronized (this) {
                    if (version == seenVersion) {
                        waiters.add(waiter);
                        emitter.onTermination(() -> remove(waiter));
                        return;
                    }
                }
                emitter.complete(null);
            });
        }

        /** The connection is done with the run. */
        public void close() {
            runs.computeIfPresent(runId, (id, run) -> --run.connections == 0 ? null : run);
        }

        private synchronized void remove(Waiter waiter) {
            waiters.remove(waiter);
        }

        private void notified() {
            List<Waiter> wake;
            synchronized (this) {
                version++;
                heardNanos = System.nanoTime();
                if (waiters.isEmpty()) {
                    return;
                }
                wake = new ArrayList<>(waiters);
                waiters.clear();
            }
            wake.forEach(Waiter::wake);
        }

        /** The stream's newest entry is {@code lastId} (null: none): wakes the waiters behind it. */
        private void polled(String lastId) {
            List<Waiter> wake = new ArrayList<>();
            synchronized (this) {
                heardNanos = System.nanoTime();
                if (lastId == null) {
                    return;
                }
                waiters.removeIf(waiter -> {
                    if (StreamIds.compare(lastId, waiter.afterId) > 0) {
                        wake.add(waiter);
                        return true;
                    }
                    return false;
                });
            }
            wake.forEach(Waiter::wake);
        }

        /** Has waiters that heard nothing since {@code sinceNanos} (any waiter when {@code all}). */
        private synchronized boolean needsPoll(long sinceNanos, boolean all) {
            return !waiters.isEmpty() && (all || heardNanos - sinceNanos <= 0);
        }
    }

    private record Waiter(UniEmitter<? super Void> emitter, String afterId) {
        void wake() {
            emitter.complete(null);
        }
    }

    /** Watches {@code runId} for one connection, until it calls {@link Run#close()}. */
    public Run open(String runId) {
        return runs.compute(runId, (id, run) -> {
            Run opened = run == null ? new Run(id, keys.runEvents(id)) : run;
            opened.connections++;
            return opened;
        });
    }

    void onStart(@Observes StartupEvent event) {
        subscribe();
        pollTimer = vertx.setPeriodic(config.safetyPoll().toMillis(), id -> poll(false));
    }

    private void subscribe() {
        if (stopped) {
            return;
        }
        data.pubsub(String.class)
                .subscribe(keys.runEventsChannel(), this::received, this::lost, failure -> lost())
                .subscribe()
                .with(
                        subscribed -> {
                            subscriber = subscribed;
                            // messages published while unsubscribed are gone: look at every watched stream
                            poll(true);
                        },
                        failure -> {
                            LOG.warnf("Subscribing to run events failed (retrying): %s", failure.getMessage());
                            vertx.setTimer(RESUBSCRIBE_AFTER_MS, id -> subscribe());
                        });
    }

    private void lost() {
        if (stopped) {
            return;
        }
        LOG.warnf("Run events channel lost; resubscribing");
        subscriber = null;
        vertx.setTimer(RESUBSCRIBE_AFTER_MS, id -> subscribe());
    }

    void received(String runId) {
        Run run = runs.get(runId);
        if (run != null) {
            run.notified();
        }
    }

    /**
     * Asks Redis for the newest entry of each watched stream whose waiters heard nothing for a poll interval
     * (every watched stream when {@code all}), in pipelined batches, and wakes the waiters behind it.
     */
    void poll(boolean all) {
        if (polling || stopped) {
            return;
        }
        long since = System.nanoTime() - config.safetyPoll().toNanos();
        List<Run> due = new ArrayList<>();
        for (Run run : runs.values()) {
            if (run.needsPoll(since, all)) {
                due.add(run);
            }
        }
        if (due.isEmpty()) {
            return;
        }
        polling = true;
        pollBatch(due, 0);
    }

    private void pollBatch(List<Run> due, int from) {
        if (from >= due.size() || stopped) {
            polling = false;
            return;
        }
        List<Run> batch = due.subList(from, Math.min(due.size(), from + config.safetyPollBatch()));
        List<Request> requests = new ArrayList<>(batch.size());
        for (Run run : batch) {
            requests.add(Request.cmd(Command.XREVRANGE)
                    .arg(run.key)
                    .arg("+")
                    .arg("-")
                    .arg("COUNT")
                    .arg(1));
        }
        redis.batch(requests)
                .subscribe()
                .with(
                        responses -> {
                            for (int i = 0; i < batch.size(); i++) {
                                batch.get(i).polled(newestId(responses.get(i)));
                            }
                            pollBatch(due, from + batch.size());
                        },
                        failure -> {
                            LOG.warnf("Polling run event streams failed: %s", failure.getMessage());
                            polling = false;
                        });
    }

    private static String newestId(Response reply) {
        if (reply == null || reply.size() == 0) {
            return null;
        }
        return reply.get(0).get(0).toString();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
        if (pollTimer >= 0) {
            vertx.cancelTimer(pollTimer);
        }
        ReactiveRedisSubscriber current = subscriber;
        if (current != null) {
            current.unsubscribe().subscribe().with(ignored -> {}, ignored -> {});
        }
    }
}
