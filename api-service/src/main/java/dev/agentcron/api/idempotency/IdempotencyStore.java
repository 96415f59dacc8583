package dev.agentcron.api.idempotency;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcron.model.queue.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;

/**
 * Idempotency records in Redis, one per (API key, Idempotency-Key): first a claim while the request runs,
 * then the response to replay. Redis keeps them across replicas.
 */
@ApplicationScoped
public class IdempotencyStore {

    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;
    private final IdempotencyConfig config;
    private final ObjectMapper json = new ObjectMapper();

    public IdempotencyStore(ReactiveRedisDataSource redis, RedisKeys keys, IdempotencyConfig config) {
        this.redis = redis;
        this.keys = keys;
        this.config = config;
    }

    /** What is stored under a key: a claim (no status yet) or a completed response. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String fingerprint, Integer status, String contentType, String body) {

        public boolean completed() {
            return status != null;
        }
    }

    /** Claims the key for a request; null when claimed, else what is already stored. */
    public Uni<Entry> claim(String apiKeyId, String idempotencyKey, String fingerprint) {
        String key = keys.idempotency(apiKeyId, idempotencyKey);
        String claim = write(new Entry(fingerprint, null, null, null));
        long seconds = config.inFlightTimeout().toSeconds();
        return redis.execute("SET", key, claim, "NX", "EX", Long.toString(seconds))
                .chain(reply -> reply != null ? Uni.createFrom().nullItem() : stored(key));
    }

    private Uni<Entry> stored(String key) {
        return redis.value(String.class).get(key).map(value -> value == null ? null : read(value));
    }

    /** Keeps the response to replay for the retention time. */
    public Uni<Void> complete(String apiKeyId, String idempotencyKey, Entry entry) {
        String key = keys.idempotency(apiKeyId, idempotencyKey);
        return redis.execute(
                        "SET",
                        key,
                        write(entry),
                        "EX",
                        Long.toString(config.retention().toSeconds()))
                .replaceWithVoid();
    }

    /** Frees the key so a retry is processed afresh. */
    public Uni<Void> release(String apiKeyId, String idempotencyKey) {
        return redis.key().del(keys.idempotency(apiKeyId, idempotencyKey)).replaceWithVoid();
    }

    private String write(Entry entry) {
        try {
            return json.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Entry read(String value) {
        try {
            return json.readValue(value, Entry.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
