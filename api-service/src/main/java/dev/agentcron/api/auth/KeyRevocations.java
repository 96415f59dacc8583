package dev.agentcron.api.auth;

import dev.agentcron.model.queue.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Announces revoked keys to every api-service replica over Redis pub/sub, and listens for them, so a
 * revoked key fails at once everywhere; the cache TTL is the fallback when a message is missed.
 */
@ApplicationScoped
public class KeyRevocations {

    private static final Logger LOG = Logger.getLogger(KeyRevocations.class);

    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;
    private final ApiKeyStore store;
    private volatile Cancellable subscription;

    public KeyRevocations(ReactiveRedisDataSource redis, RedisKeys keys, ApiKeyStore store) {
        this.redis = redis;
        this.keys = keys;
        this.store = store;
    }

    void start(@Observes StartupEvent event) {
        subscription = redis.pubsub(String.class)
                .subscribe(keys.keyRevocations())
                .onFailure()
                .invoke(failure -> LOG.warnf("Key revocation channel lost (%s); resubscribing", failure.getMessage()))
                .onFailure()
                .retry()
                .withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30))
                .indefinitely()
                .subscribe()
                .with(this::received);
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscription != null) {
            subscription.cancel();
        }
    }

    /** Drops the key on this replica and tells the others. */
    public Uni<Void> announce(String keyId) {
        store.evict(keyId);
        return redis.pubsub(String.class)
                .publish(keys.keyRevocations(), keyId)
                .onFailure()
                .invoke(failure -> LOG.warnf(
                        "Announcing revocation of %s failed (%s); replicas drop it when their cache expires",
                        keyId, failure.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    void received(String keyId) {
        LOG.debugf("Key %s revoked", keyId);
        store.evict(keyId);
    }
}
