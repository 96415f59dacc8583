package dev.agentcron.worker.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentcron.model.queue.RedisKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads a run's event stream as a client of {@code GET /runs/{id}/events} would see it. */
public final class RunEvents {

    /** One entry: its wire name and data. */
    public record Event(String id, String event, JsonNode data) {}

    private final RedisDataSource redis;
    private final RedisKeys keys;

    public RunEvents(RedisDataSource redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    public List<Event> of(String runId) {
        List<Event> events = new ArrayList<>();
        for (StreamMessage<String, String, String> message :
                redis.stream(String.class).xrange(keys.runEvents(runId), StreamRange.of("-", "+"))) {
            events.add(new Event(
                    message.id(),
                    message.payload().get("event"),
                    GatewayStub.json(message.payload().get("data"))));
        }
        return events;
    }

    public List<String> names(String runId) {
        return of(runId).stream().map(Event::event).toList();
    }

    /** The content of every delta, concatenated. */
    public String streamedText(String runId) {
        StringBuilder out = new StringBuilder();
        for (Event event : of(runId)) {
            if ("thread.message.delta".equals(event.event())) {
                out.append(event.data().path("delta").path("content").asText());
            }
        }
        return out.toString();
    }

    /** The stream's remaining time to live. */
    public Duration ttl(String runId) {
        return Duration.ofSeconds(redis.key().ttl(keys.runEvents(runId)));
    }
}
