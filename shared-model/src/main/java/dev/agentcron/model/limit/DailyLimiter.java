package dev.agentcron.model.limit;

import dev.agentcron.model.config.DailyLimitSettings;
import dev.agentcron.model.queue.RedisKeys;
import dev.agentcron.model.queue.RedisScripts;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Agents' daily limits (DESIGN decision 6): one atomic counter per agent and UTC day in Redis, reserved by a
 * Lua script that grants {@code min(want, limit - used)}, released when unused, and rebuilt from PostgreSQL
 * when it is missing.
 *
 * <ul>
 *   <li>{@code task} mode counts started runs: the admission (manual run, ticker, event) reserves 1 and
 *       records the run as {@code skipped} ({@code daily_limit_reached}) when nothing is granted;
 *   <li>{@code draft} mode counts drafts: the worker reserves {@code outputs_per_run} at execution and
 *       releases the drafts it could not make.
 * </ul>
 *
 * <p>Rebuild under concurrency: the count from PostgreSQL is written with SET NX, so of several callers
 * that found the counter missing only the first one's value stands; every caller then reserves through
 * the script. Units reserved but not yet written to PostgreSQL when Redis loses the counter are not in the
 * rebuilt count (Redis loss may let a day exceed its limit by the runs in flight then, never more). Units of
 * a run whose worker died before releasing them stay counted for that day (the limit errs on the safe
 * side).
 */
@ApplicationScoped
public class DailyLimiter {

    private static final Logger LOG = Logger.getLogger(DailyLimiter.class);
    private static final String RESERVE = "daily_reserve";
    private static final String RELEASE = "daily_release";

    private final ReactiveRedisDataSource redis;
    private final RedisScripts scripts;
    private final RedisKeys keys;
    private final DailyUsage usage;
    private final DailyLimitSettings settings;
    private final Clock clock;

    @Inject
    public DailyLimiter(
            ReactiveRedisDataSource redis,
            RedisScripts scripts,
            RedisKeys keys,
            DailyUsage usage,
            DailyLimitSettings settings) {
        this(redis, scripts, keys, usage, settings, Clock.systemUTC());
    }

    public DailyLimiter(
            ReactiveRedisDataSource redis,
            RedisScripts scripts,
            RedisKeys keys,
            DailyUsage usage,
            DailyLimitSettings settings,
            Clock clock) {
        this.redis = redis;
        this.scripts = scripts;
        this.keys = keys;
        this.usage = usage;
        this.settings = settings;
        this.clock = clock;
    }

    /** The current UTC day, the one limits count in. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /**
     * Reserves up to {@code want} units of today's limit for the agent; the reservation says how many were
     * granted (0 when the limit is reached).
     */
    public Uni<DailyReservation> reserve(String agentId, DailyLimitKind kind, int limit, int want) {
        return reserve(null, agentId, kind, limit, want);
    }

    /**
     * {@link #reserve(String, DailyLimitKind, int, int)} for a caller inside a transaction: a missing counter is
     * rebuilt with a query on {@code client} (its connection) rather than on another pooled connection.
     */
    public Uni<DailyReservation> reserve(SqlClient client, String agentId, DailyLimitKind kind, int limit, int want) {
        LocalDate day = today();
        String key = keys.dailyCounter(agentId, day);
        return tryReserve(key, limit, want)
                .chain(granted -> granted >= 0
                        ? Uni.createFrom().item(granted)
                        : rebuildThenReserve(client, agentId, kind, day, key, limit, want))
                .map(granted -> new DailyReservation(agentId, kind, day, granted));
    }

    /** Gives back {@code unused} units of a reservation (never more than it granted; the counter never below 0). */
    public Uni<Void> release(DailyReservation reservation, int unused) {
        int count = Math.min(unused, reservation.granted());
        if (count <= 0) {
            return Uni.createFrom().voidItem();
        }
        String key = keys.dailyCounter(reservation.agentId(), reservation.day());
        return scripts.run(RELEASE, List.of(key), List.of(Integer.toString(count)))
                .invoke(left -> LOG.debugf("Released %d of %s, %s left", count, key, left))
                .replaceWithVoid();
    }

    /** Units the agent used today ({@code outputs_today} / {@code runs_today}), rebuilding a missing counter. */
    public Uni<Long> usedToday(String agentId, DailyLimitKind kind) {
        LocalDate day = today();
        String key = keys.dailyCounter(agentId, day);
        return redis.value(Long.class)
                .get(key)
                .chain(used -> used != null ? Uni.createFrom().item(used) : rebuild(null, agentId, kind, day, key));
    }

    private Uni<Integer> tryReserve(String key, int limit, int want) {
        return scripts.run(RESERVE, List.of(key), List.of(Integer.toString(limit), Integer.toString(want)))
                .map(response -> response.toInteger());
    }

    private Uni<Integer> rebuildThenReserve(
            SqlClient client, String agentId, DailyLimitKind kind, LocalDate day, String key, int limit, int want) {
        return rebuild(client, agentId, kind, day, key)
                .chain(() -> tryReserve(key, limit, want))
                .map(granted -> {
                    if (granted < 0) {
                        throw new IllegalStateException("Daily counter " + key + " vanished right after its rebuild");
                    }
                    return granted;
                });
    }

    /** Writes the count from PostgreSQL unless another caller wrote the counter first; returns the counter. */
    private Uni<Long> rebuild(SqlClient client, String agentId, DailyLimitKind kind, LocalDate day, String key) {
        Uni<Long> counted = client == null ? usage.count(agentId, kind, day) : usage.count(client, agentId, kind, day);
        return counted.call(count -> redis.value(Long.class)
                        .set(key, count, new SetArgs().nx().ex(settings.counterTtl())))
                .chain(() -> redis.value(Long.class).get(key))
                .invoke(used -> LOG.debugf("Rebuilt daily counter %s: %s", key, used));
    }
}
