package dev.agentcron.worker.run.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcron.model.config.RunEventSettings;
import dev.agentcron.model.queue.RedisKeys;
import dev.agentcron.model.queue.RunEventLog;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Opens the event stream of a run ({@link RedisKeys#runEvents(String)}): entries {@code event} (the wire name
 * of a {@link dev.agentcron.model.queue.RunEventType}) and {@code data} (a JSON string), bounded by {@code
 * agentcron.run-events.max-length} and expiring {@code agentcron.run-events.retention} after the terminal
 * event. Each append also announces the run on {@link RedisKeys#runEventsChannel()} ({@link RunEventLog}), which
 * is what wakes the api-service's SSE connections of the run. Used by every kind of run (task, draft, and chat).
 */
@ApplicationScoped
public class RunEventPublisher {

    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;
    private final RunEventSettings settings;
    private final ObjectMapper mapper;
    private final RunEventLog log;

    public RunEventPublisher(
            ReactiveRedisDataSource redis,
            RedisKeys keys,
            RunEventSettings settings,
            ObjectMapper mapper,
            RunEventLog log) {
        this.redis = redis;
        this.keys = keys;
        this.settings = settings;
        this.mapper = mapper;
        this.log = log;
    }

    /** The stream of one run; events are appended in the order they are published. */
    public RunEventStream open(String runId) {
        return new RunEventStream(redis, log, runId, keys.runEvents(runId), settings, mapper);
    }
}
