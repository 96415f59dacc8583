package dev.agentcron.model.queue;

import dev.agentcron.model.config.RunEventSettings;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Appends entries to a run's event stream ({@link RedisKeys#runEvents(String)}), bounded by {@code
 * agentcron.run-events.max-length}, and in the same script publishes the run id on {@link
 * RedisKeys#runEventsChannel()}: the api-service wakes the connections of that run on the message, and polls
 * the streams it waits on now and then, as a message can be lost. The one way events are written.
 */
@ApplicationScoped
public class RunEventLog {

    static final String SCRIPT = "run_event_append";

    private final RedisScripts scripts;
    private final RedisKeys keys;
    private final RunEventSettings settings;

    public RunEventLog(RedisScripts scripts, RedisKeys keys, RunEventSettings settings) {
        this.scripts = scripts;
        this.keys = keys;
        this.settings = settings;
    }

    /** Appends an entry with {@code fields} (in their iteration order); the {@link Uni} yields its id. */
    public Uni<String> append(String runId, Map<String, String> fields) {
        List<String> args = new ArrayList<>(3 + 2 * fields.size());
        args.add(keys.runEventsChannel());
        args.add(runId);
        args.add(Long.toString(settings.maxLength()));
        fields.forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        return scripts.run(SCRIPT, List.of(keys.runEvents(runId)), args).map(id -> id.toString());
    }
}
