package dev.agentcron.api.run.events;

import dev.agentcron.api.auth.Caller;
import dev.agentcron.api.common.error.GoneException;
import dev.agentcron.api.common.error.InvalidRequestException;
import dev.agentcron.api.common.error.NotFoundException;
import dev.agentcron.model.config.RunEventSettings;
import dev.agentcron.model.queue.RedisKeys;
import dev.agentcron.model.queue.RunEventType;
import dev.agentcron.model.run.RunStatus;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Relays a run's event stream (Redis, written by the worker) to one SSE connection, from the start or after a
 * {@code Last-Event-ID}: every later event exactly once, in order, on any replica, then {@code [DONE]}.
 *
 * <p>Each connection reads its stream with {@code XRANGE} in batches of {@code agentcron.sse.batch-size}, the
 * next batch only once the client took the previous one (the HTTP write completed): a slow client holds at
 * most one batch in memory and never delays anyone else; a client that falls far behind simply reads older
 * entries later. When it has sent everything, the connection waits until {@link RunEventWatcher} hears that
 * its run's stream grew (one pub/sub subscription per JVM, with a safety poll), with a {@code : ping} after
 * each idle {@code agentcron.sse.ping-interval}.
 */
@ApplicationScoped
public class RunEventRelay {

    private static final String RUN = """
            SELECT status, started_at IS NULL AS never_started,
                   completed_at < now() - make_interval(secs => $3) AS expired
            FROM runs WHERE id = $1 AND workspace_id = $2""";
    private static final String ENDED = """
            SELECT status, started_at IS NULL AS never_started,
                   completed_at < now() - make_interval(secs => $2) AS long_ago
            FROM runs WHERE id = $1""";

    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;
    private final RunEventWatcher watcher;
    private final SseConfig config;
    private final RunEventSettings retention;
    private final Pool pool;

    public RunEventRelay(
            ReactiveRedisDataSource redis,
            RedisKeys keys,
            RunEventWatcher watcher,
            SseConfig config,
            RunEventSettings retention,
            Pool pool) {
        this.redis = redis;
        this.keys = keys;
        this.watcher = watcher;
        this.config = config;
        this.retention = retention;
        this.pool = pool;
    }

    /** Where one connection is in its run's stream. */
    private static final class Cursor {
        final String runId;
        final String key;
        String lastId;
        boolean finished;
        /** When the last event was sent (or the stream opened), for the dead-run check. */
        long lastEventNanos = System.nanoTime();

        Cursor(String runId, String key, String lastId) {
            this.runId = runId;
            this.key = key;
            this.lastId = lastId;
        }
    }

    /**
     * The run's events after {@code lastEventId} (null: from the start). Fails with a 404 for a run of another
     * workspace, a 410 once the run's events are no longer kept, a 400 for an invalid {@code Last-Event-ID}.
     */
    public Uni<Multi<SseFrame>> open(Caller caller, String runId, String lastEventId) {
        if (lastEventId != null && !StreamIds.valid(lastEventId.strip())) {
            throw InvalidRequestException.of("Last-Event-ID", "must be an event id of this stream (<ms>-<seq>)");
        }
        String after = lastEventId == null ? StreamIds.START : lastEventId.strip();
        String key = keys.runEvents(runId);
        return pool.preparedQuery(RUN)
                .execute(Tuple.of(runId, caller.workspaceId(), (double)
                        retention.retention().toSeconds()))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw new NotFoundException("run", runId);
                    }
                    Row run = rows.iterator().next();
                    return redis.key().exists(key).map(exists -> frames(run, runId, key, after, exists));
                });
    }

    private Multi<SseFrame> frames(Row run, String runId, String key, String after, boolean streamExists) {
        boolean terminal = RunStatus.of(run.getString("status")).isTerminal();
        if (terminal && Boolean.TRUE.equals(run.getBoolean("expired"))) {
            throw gone(runId);
        }
        if (terminal && !streamExists) {
            if (!run.getBoolean("never_started")) {
                throw gone(runId);
            }
            // skipped, or cancelled before a worker took it: it never had events
            return Multi.createFrom().item(SseFrame.DONE);
        }
        return stream(runId, key, after);
    }

    private static GoneException gone(String runId) {
        return new GoneException("The events of run " + runId
                + " are no longer kept (they are kept for a while after the run ends); read the run instead.");
    }

    /** The frames of a run known to exist, from after {@code afterId}. */
    public Multi<SseFrame> stream(String runId, String afterId) {
        return stream(runId, keys.runEvents(runId), afterId);
    }

    private Multi<SseFrame> stream(String runId, String key, String afterId) {
        return Multi.createFrom()
                .resource(() -> watcher.open(runId), run -> relay(new Cursor(runId, key, afterId), run))
                .withFinalizer(RunEventWatcher.Run::close);
    }

    private Multi<SseFrame> relay(Cursor cursor, RunEventWatcher.Run run) {
        return Multi.createBy()
                .repeating()
                .uni(() -> next(cursor, run))
                .until(List::isEmpty)
                .onItem()
                .transformToIterable(frames -> frames);
    }

    /** The next frames for the client; empty once it got {@code [DONE]}. */
    private Uni<List<SseFrame>> next(Cursor cursor, RunEventWatcher.Run run) {
        if (cursor.finished) {
            return Uni.createFrom().item(List.of());
        }
        // taken before the read: a message that arrives during it wakes the wait that follows at once
        long version = run.version();
        return read(cursor)
                .chain(frames -> frames.isEmpty()
                        ? idle(cursor, run, version)
                        : Uni.createFrom().item(frames));
    }

    private Uni<List<SseFrame>> read(Cursor cursor) {
        return redis.stream(String.class)
                .xrange(cursor.key, StreamRange.of("(" + cursor.lastId, "+"), config.batchSize())
                .map(messages -> toFrames(cursor, messages));
    }

    private static List<SseFrame> toFrames(Cursor cursor, List<StreamMessage<String, String, String>> messages) {
        List<SseFrame> frames = new ArrayList<>(messages.size() + 1);
        for (StreamMessage<String, String, String> message : messages) {
            String event = message.payload().get("event");
            frames.add(SseFrame.event(message.id(), event, message.payload().getOrDefault("data", "{}")));
            cursor.lastId = message.id();
            cursor.lastEventNanos = System.nanoTime();
            if (isTerminal(event)) {
                frames.add(SseFrame.DONE);
                cursor.finished = true;
                break;
            }
        }
        return frames;
    }

    private static boolean isTerminal(String event) {
        return RunEventType.COMPLETED.wireName().equals(event)
                || RunEventType.FAILED.wireName().equals(event);
    }

    /** Nothing new: wait for the stream to grow; after the ping interval, a ping (or the end of a dead run). */
    private Uni<List<SseFrame>> idle(Cursor cursor, RunEventWatcher.Run run, long version) {
        return run.awaitChange(version, cursor.lastId)
                .map(ignored -> true)
                .ifNoItem()
                .after(config.pingInterval())
                .recoverWithItem(false)
                .chain(woken -> woken ? next(cursor, run) : pingOrEnd(cursor));
    }

    private Uni<List<SseFrame>> pingOrEnd(Cursor cursor) {
        if (System.nanoTime() - cursor.lastEventNanos < config.terminalGrace().toNanos()) {
            return Uni.createFrom().item(List.of(SseFrame.PING));
        }
        return endedWithoutEvents(cursor.runId).map(ended -> {
            if (ended) {
                cursor.finished = true;
                return List.of(SseFrame.DONE);
            }
            return List.of(SseFrame.PING);
        });
    }

    /**
     * The run ended long enough ago (or never started) that no terminal event will come; asked only of streams
     * idle for the grace period, so thousands of quiet streams cost no query per ping.
     */
    private Uni<Boolean> endedWithoutEvents(String runId) {
        return pool.preparedQuery(ENDED)
                .execute(Tuple.of(runId, (double) config.terminalGrace().toSeconds()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return true;
                    }
                    Row run = rows.iterator().next();
                    return RunStatus.of(run.getString("status")).isTerminal()
                            && (run.getBoolean("never_started") || Boolean.TRUE.equals(run.getBoolean("long_ago")));
                });
    }
}
