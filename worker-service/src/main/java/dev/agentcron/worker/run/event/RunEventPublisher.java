package dev.agentcron.worker.run.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcron.model.config.RunEventSettings;
import dev.agentcron.model.queue.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Opens the event stream of a run ({@link RedisKeys#runEvents(String)}): entries {@code event} (the wire name
 * of a {@link dev.agentcron.model.queue.RunEventType}) and {@code data} (a JSON string), bounded by {@code
 * agentcron.run-events.max-length} and expiring {@code agentcron.run-events.retention} after the terminal
 * event. Used by every kind of run (task, draft, and chat).
 */
@ApplicationScoped
public class RunEventPublisher {

    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;
    private final RunEventSettings settings;
    private final ObjectMapper mapper;

    public RunEventPublisher(
            ReactiveRedisDataSource redis, RedisKeys keys, RunEventSettings settings, ObjectMapper mapper) {
        this.redis = redis;
        this.keys = keys;
        this.settings = settings;
        this.mapper = mapper;
    }

    /** The stream of one run; events are appended in the order they are published. */
    public RunEventStream open(String runId) {
        return new RunEventStream(redis, keys.runEvents(runId), settings, mapper);
    }
}
