package dev.agentcron.api.run.events;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The one blocking reader of run event streams in this JVM. SSE connections that have sent everything
 * there is ask it to wake them when their stream grows ({@link #awaitAfter}); it watches every such stream
 * with a single {@code XREAD BLOCK} on its own Redis connection (never a pooled one) and wakes the waiters of
 * each stream that got new entries. Connections then read the entries themselves, at their own pace, so a slow
 * client costs nothing to the others or to the workers.
 *
 * <p>A stream that gets its first waiter while a read is in flight interrupts that read ({@code CLIENT UNBLOCK}
 * from a pooled connection), so it is watched at once. Waking is only a hint: a waiter that was woken reads
 * the stream again and waits again when it found nothing.
 */
@ApplicationScoped
public class RunEventWatcher {

    private static final Logger LOG = Logger.getLogger(RunEventWatcher.class);
    private static final long RETRY_AFTER_FAILURE_MS = 500;

    private final Redis redis;
    private final SseConfig config;
    private final io.vertx.mutiny.core.Vertx vertx;

    /** Streams with waiters: key → the position they wait after and the waiters. */
    private final Map<String, Watch> watches = new LinkedHashMap<>();

    private RedisConnection connection;
    private Long connectionId;
    private boolean reading;
    private Set<String> inFlight = Set.of();
    private boolean unblocking;
    private boolean stopped;

    private static final class Watch {
        /** Where the next XREAD starts; an entry id once a read returned one ({@link #seen}). */
        String cursor;

        boolean seen;

        final List<UniEmitter<? super Void>> waiters = new ArrayList<>();

        /** Since when the stream has had no waiter (0: it has some). */
        long idleSince;

        Watch(String cursor) {
            this.cursor = cursor;
        }
    }

    public RunEventWatcher(Redis redis, SseConfig config, io.vertx.mutiny.core.Vertx vertx) {
        this.redis = redis;
        this.config = config;
        this.vertx = vertx;
    }

    /** Completes once the stream {@code key} holds an entry after {@code afterId} (or may: see the class comment). */
    public Uni<Void> awaitAfter(String key, String afterId) {
        return Uni.createFrom().emitter(emitter -> register(key, afterId, emitter));
    }

    private void register(String key, String afterId, UniEmitter<? super Void> emitter) {
        boolean interrupt;
        List<UniEmitter<? super Void>> wake = new ArrayList<>();
        synchronized (this) {
            Watch watch = watches.get(key);
            if (watch != null && watch.seen && StreamIds.compare(watch.cursor, afterId) > 0) {
                // an entry after afterId is known: read now
                wake.add(emitter);
                watch = null;
            } else if (watch == null) {
                watch = new Watch(afterId);
                watches.put(key, watch);
            } else if (StreamIds.compare(afterId, watch.cursor) < 0) {
                watch.cursor = afterId;
                watch.seen = false;
            } else if (StreamIds.compare(afterId, watch.cursor) > 0) {
                // this connection has read up to afterId: the waiters behind it have entries to read, and the
                // next XREAD need not walk through them again
                wake.addAll(watch.waiters);
                watch.waiters.clear();
                watch.cursor = afterId;
                watch.seen = false;
            }
            if (watch == null) {
                interrupt = false;
            } else {
                watch.waiters.add(emitter);
                Watch registered = watch;
                emitter.onTermination(() -> unregister(key, registered, emitter));
                interrupt = reading && !inFlight.contains(key) && !unblocking && connectionId != null;
                if (interrupt) {
                    unblocking = true;
                }
                if (!reading) {
                    reading = true;
                    vertx.runOnContext(this::readRound);
                }
            }
        }
        wake.forEach(waiter -> waiter.complete(null));
        if (interrupt) {
            unblock();
        }
    }

    /**
     * A connection has read its stream up to {@code readId}: the next XREAD starts there (not at an entry it
     * already read, which would return at once), and the connections waiting behind it are woken.
     */
    public void advanced(String key, String readId) {
        List<UniEmitter<? super Void>> wake;
        synchronized (this) {
            Watch watch = watches.get(key);
            if (watch == null || StreamIds.compare(readId, watch.cursor) <= 0) {
                return;
            }
            wake = new ArrayList<>(watch.waiters);
            watch.waiters.clear();
            watch.cursor = readId;
            watch.seen = false;
        }
        wake.forEach(waiter -> waiter.complete(null));
    }

    private synchronized void unregister(String key, Watch watch, UniEmitter<? super Void> emitter) {
        watch.waiters.remove(emitter);
    }

    /** One XREAD over the watched streams, then the next; stops when nothing is watched. */
    private void readRound() {
        Map<String, String> cursors = new LinkedHashMap<>();
        synchronized (this) {
            long now = System.nanoTime();
            boolean anyWaiter = false;
            Iterator<Map.Entry<String, Watch>> it = watches.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, Watch> entry = it.next();
                Watch watch = entry.getValue();
                if (watch.waiters.isEmpty()) {
                    // a connection busy sending is back soon: keep its stream watched for a while, so that
                    // its return does not interrupt the read in flight
                    if (watch.idleSince == 0) {
                        watch.idleSince = now;
                    } else if (now - watch.idleSince > config.watchKeepIdle().toNanos()) {
                        it.remove();
                        continue;
                    }
                } else {
                    watch.idleSince = 0;
                    anyWaiter = true;
                }
                if (cursors.size() < config.watchMaxStreams()) {
                    cursors.put(entry.getKey(), entry.getValue().cursor);
                }
            }
            if (!anyWaiter || stopped) {
                watches.clear();
                reading = false;
                inFlight = Set.of();
                return;
            }
            inFlight = new HashSet<>(cursors.keySet());
            unblocking = false;
        }
        connection().chain(conn -> conn.send(xread(cursors))).subscribe().with(this::delivered, this::failed);
    }

    private Request xread(Map<String, String> cursors) {
        Request request = Request.cmd(Command.XREAD)
                .arg("COUNT")
                .arg(1)
                .arg("BLOCK")
                .arg(config.watchBlock().toMillis())
                .arg("STREAMS");
        cursors.keySet().forEach(request::arg);
        cursors.values().forEach(request::arg);
        return request;
    }

    private Uni<RedisConnection> connection() {
        synchronized (this) {
            if (connection != null) {
                return Uni.createFrom().item(connection);
            }
        }
        return redis.connect()
                .chain(conn -> conn.send(Request.cmd(Command.CLIENT).arg("ID")).map(id -> {
                    synchronized (this) {
                        connection = conn;
                        connectionId = id.toLong();
                    }
                    conn.exceptionHandler(failure -> dropConnection(conn));
                    conn.endHandler(() -> dropConnection(conn));
                    return conn;
                }));
    }

    private synchronized void dropConnection(RedisConnection conn) {
        if (connection == conn) {
            connection = null;
            connectionId = null;
        }
    }

    private void unblock() {
        Long id;
        synchronized (this) {
            id = connectionId;
        }
        if (id == null) {
            return;
        }
        redis.send(Request.cmd(Command.CLIENT).arg("UNBLOCK").arg(id))
                .subscribe()
                .with(ignored -> {}, failure -> LOG.debugf("CLIENT UNBLOCK failed: %s", failure.getMessage()));
    }

    private void delivered(Response response) {
        Map<String, String> newest = lastIds(response);
        List<UniEmitter<? super Void>> wake = new ArrayList<>();
        synchronized (this) {
            newest.forEach((key, id) -> {
                Watch watch = watches.get(key);
                if (watch != null) {
                    if (StreamIds.compare(id, watch.cursor) > 0) {
                        watch.cursor = id;
                        watch.seen = true;
                    }
                    wake.addAll(watch.waiters);
                    watch.waiters.clear();
                }
            });
        }
        wake.forEach(emitter -> emitter.complete(null));
        long coalesce = config.watchCoalesce().toMillis();
        if (newest.isEmpty() || coalesce <= 0) {
            readRound();
        } else {
            vertx.setTimer(coalesce, id -> readRound());
        }
    }

    private void failed(Throwable failure) {
        LOG.warnf("Watching run event streams failed (retrying): %s", failure.getMessage());
        RedisConnection broken;
        List<UniEmitter<? super Void>> wake = new ArrayList<>();
        synchronized (this) {
            broken = connection;
            connection = null;
            connectionId = null;
            // wake everyone: each connection reads its stream again, then waits again
            watches.values().forEach(watch -> {
                wake.addAll(watch.waiters);
                watch.waiters.clear();
            });
        }
        if (broken != null) {
            broken.close().subscribe().with(ignored -> {}, ignored -> {});
        }
        vertx.setTimer(RETRY_AFTER_FAILURE_MS, id -> {
            wake.forEach(emitter -> emitter.complete(null));
            readRound();
        });
    }

    /** The id of the newest entry per stream in an XREAD reply (RESP2 array or RESP3 map); empty on timeout. */
    private static Map<String, String> lastIds(Response response) {
        Map<String, String> ids = new HashMap<>();
        if (response == null) {
            return ids;
        }
        if (response.isMap()) {
            for (String key : response.getKeys()) {
                putLast(ids, key, response.get(key));
            }
            return ids;
        }
        for (Response stream : response) {
            putLast(ids, stream.get(0).toString(), stream.get(1));
        }
        return ids;
    }

    private static void putLast(Map<String, String> ids, String key, Response entries) {
        if (entries != null && entries.size() > 0) {
            ids.put(key, entries.get(entries.size() - 1).get(0).toString());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        RedisConnection open;
        synchronized (this) {
            stopped = true;
            open = connection;
            connection = null;
        }
        if (open != null) {
            open.close().subscribe().with(ignored -> {}, ignored -> {});
        }
    }
}
