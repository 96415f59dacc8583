package dev.agentcron.api.stats.service;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Figures computed in the last {@link StatsConfig#cacheTtl()} on this replica, by key: a request finds them
 * or joins the computation already running (single flight), so N clients asking for the same stats cost
 * PostgreSQL one aggregation per TTL instead of N. A failed computation is forgotten at once.
 */
@ApplicationScoped
public class StatsCache {

    private static final int SWEEP_ABOVE = 10_000;

    private record Entry(long expiresAt, Uni<Object> value) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;

    public StatsCache(StatsConfig config) {
        this.ttlNanos = config.cacheTtl().toNanos();
    }

    /** The figures under {@code key}: cached, being computed, or computed now by {@code compute}. */
    @SuppressWarnings("unchecked")
    public <T> Uni<T> get(String key, Supplier<Uni<T>> compute) {
        if (ttlNanos <= 0) {
            return compute.get();
        }
        return Uni.createFrom().deferred(() -> {
            long now = System.nanoTime();
            sweep(now);
            Entry entry = entries.compute(
                    key,
                    (k, old) -> old != null && old.expiresAt() - now > 0
                            ? old
                            : new Entry(now + ttlNanos, (Uni<Object>)
                                    compute.get().memoize().indefinitely()));
            Context context = Vertx.currentContext();
            Uni<T> value = ((Uni<T>) entry.value()).onFailure().invoke(() -> entries.remove(key, entry));
            return context == null ? value : value.emitOn(task -> context.runOnContext(ignored -> task.run()));
        });
    }

    private void sweep(long now) {
        if (entries.size() > SWEEP_ABOVE) {
            entries.values().removeIf(entry -> entry.expiresAt() - now <= 0);
        }
    }
}
