package dev.agentcron.api.auth;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Looks API keys up by the SHA-256 of their secret, caching each answer (found or not) for
 * {@code agentcron.auth.cache-ttl}, so a revoked key fails within that time on every replica even when
 * the revocation broadcast is lost; {@link KeyRevocations} drops a revoked key's entry at once.
 */
@ApplicationScoped
public class ApiKeyStore {

    private static final Logger LOG = Logger.getLogger(ApiKeyStore.class);
    private static final String LOOKUP =
            "SELECT id, workspace_id, name, scopes, key_hash FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL";
    private static final String TOUCH = "UPDATE api_keys SET last_used_at = now() WHERE id = $1"
            + " AND (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => $2))";

    private final Pool pool;
    private final AuthConfig config;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, Long> lastTouched = new ConcurrentHashMap<>();

    public ApiKeyStore(Pool pool, AuthConfig config) {
        this.pool = pool;
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    /** The caller a secret belongs to, or null when it is unknown or revoked. */
    public Uni<Caller> authenticate(String secret) {
        String hash = ApiKeySecrets.hash(secret);
        long now = clock.millis();
        Cached cached = cache.get(hash);
        if (cached != null && cached.expiresAt > now) {
            return Uni.createFrom().item(touched(cached.caller));
        }
        return pool.preparedQuery(LOOKUP)
                .execute(Tuple.of(hash))
                .map(rows -> toCaller(rows, secret))
                .invoke(caller -> remember(hash, caller))
                .map(this::touched);
    }

    /** Forgets a key at once on this replica (after a revocation). */
    public void evict(String keyId) {
        cache.values()
                .removeIf(entry -> entry.caller != null && entry.caller.keyId().equals(keyId));
        lastTouched.remove(keyId);
    }

    private static Caller toCaller(RowSet<Row> rows, String secret) {
        if (rows.size() == 0) {
            return null;
        }
        Row row = rows.iterator().next();
        if (!ApiKeySecrets.matches(row.getString("key_hash"), secret)) {
            return null;
        }
        return new Caller(
                row.getString("id"),
                row.getString("name"),
                row.getString("workspace_id"),
                Arrays.asList(row.getArrayOfStrings("scopes")));
    }

    private void remember(String hash, Caller caller) {
        long now = clock.millis();
        if (cache.size() >= config.cacheSize()) {
            cache.values().removeIf(entry -> entry.expiresAt <= now);
            if (cache.size() >= config.cacheSize()) {
                cache.clear();
            }
        }
        cache.put(hash, new Cached(caller, now + config.cacheTtl().toMillis()));
    }

    /** Records the key's use, writing {@code last_used_at} at most once per interval and key. */
    private Caller touched(Caller caller) {
        if (caller == null) {
            return null;
        }
        long now = clock.millis();
        long interval = config.lastUsedInterval().toMillis();
        Long previous = lastTouched.get(caller.keyId());
        if (previous == null || now - previous >= interval) {
            lastTouched.put(caller.keyId(), now);
            pool.preparedQuery(TOUCH)
                    .execute(Tuple.of(caller.keyId(), interval / 1000.0))
                    .subscribe()
                    .with(rows -> {}, failure -> LOG.debugf(failure, "Recording use of key %s", caller.keyId()));
        }
        return caller;
    }

    private record Cached(Caller caller, long expiresAt) {}
}
