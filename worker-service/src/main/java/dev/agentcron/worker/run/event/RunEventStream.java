package dev.agentcron.worker.run.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcron.model.config.RunEventSettings;
import dev.agentcron.model.queue.RunEventLog;
import dev.agentcron.model.queue.RunEventType;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * The events of one run, appended to its Redis stream in publication order: each XADD starts when the
 * previous one is done (pooled connections would otherwise reorder them), without making the publisher
 * wait. A failed append is logged and skipped; the run's record in PostgreSQL does not depend on it.
 */
public final class RunEventStream {

    private static final Logger LOG = Logger.getLogger(RunEventStream.class);

    private final ReactiveRedisDataSource redis;
    private final RunEventLog log;
    private final String runId;
    private final String key;
    private final RunEventSettings settings;
    private final ObjectMapper mapper;
    private CompletionStage<Void> tail = CompletableFuture.completedFuture(null);
    private boolean closed;

    RunEventStream(
            ReactiveRedisDataSource redis,
            RunEventLog log,
            String runId,
            String key,
            RunEventSettings settings,
            ObjectMapper mapper) {
        this.redis = redis;
        this.log = log;
        this.runId = runId;
        this.key = key;
        this.settings = settings;
        this.mapper = mapper;
    }

    /** The stream's Redis key. */
    public String key() {
        return key;
    }

    /** Appends a non-terminal event after those published before it; {@code data} is serialized to JSON. */
    public synchronized void publish(RunEventType type, Object data) {
        if (closed) {
            return;
        }
        Map<String, String> fields = fields(type, data);
        tail = tail.thenCompose(ignored -> append(fields));
    }

    /**
     * Appends the terminal event after everything published before it, then sets the stream's expiry; the
     * returned {@link Uni} completes when all of it is written.
     */
    public Uni<Void> close(RunEventType terminal, Object data) {
        CompletionStage<Void> done;
        synchronized (this) {
            if (closed) {
                return Uni.createFrom().voidItem();
            }
            closed = true;
            Map<String, String> fields = fields(terminal, data);
            tail = tail.thenCompose(ignored -> append(fields)).thenCompose(ignored -> expire());
            done = tail;
        }
        return Uni.createFrom().completionStage(done);
    }

    /** Completes when every event published so far is written (without closing the stream). */
    public Uni<Void> flushed() {
        CompletionStage<Void> done;
        synchronized (this) {
            done = tail;
        }
        return Uni.createFrom().completionStage(done);
    }

    private Map<String, String> fields(RunEventType type, Object data) {
        Map<String, String> fields = new LinkedHashMap<>(4);
        fields.put("event", type.wireName());
        try {
            fields.put("data", mapper.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data of " + type + " is not serializable", e);
        }
        return fields;
    }

    private CompletionStage<Void> append(Map<String, String> fields) {
        return log.append(runId, fields)
                .replaceWithVoid()
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf("Could not append %s to %s: %s", fields.get("event"), key, failure.getMessage());
                    return null;
                })
                .subscribeAsCompletionStage();
    }

    private CompletionStage<Void> expire() {
        return redis.key()
                .expire(key, settings.retention())
                .replaceWithVoid()
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf("Could not set the expiry of %s: %s", key, failure.getMessage());
                    return null;
                })
                .subscribeAsCompletionStage();
    }
}
