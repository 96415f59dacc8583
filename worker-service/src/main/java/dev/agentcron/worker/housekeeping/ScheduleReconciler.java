package dev.agentcron.worker.housekeeping;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcron.model.queue.RedisKeys;
import dev.agentcron.model.schedule.ScheduleParser;
import dev.agentcron.model.schedule.ScheduleRegistry;
import dev.agentcron.model.schedule.ScheduleSpec;
import io.quarkus.arc.Unremovable;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.sortedset.ReactiveSortedSetCommands;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Rebuilds the schedule index in Redis from PostgreSQL (the record): registers every schedule that should
 * fire but is missing or older in Redis — from the occurrence after its last admitted one, so an occurrence
 * lost with Redis still fires if it is inside its catch-up window — and removes what should not fire.
 * Idempotent and safe while tickers run: entries that are up to date are left alone.
 */
@ApplicationScoped
@Unremovable
public class ScheduleReconciler {

    private static final Logger LOG = Logger.getLogger(ScheduleReconciler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 1000;
    private static final String PAGE_QUERY = """
            SELECT s.id, s.agent_id, s.spec::text AS spec, s.enabled, s.last_scheduled_for, s.next_fire_at,
                   (extract(epoch FROM greatest(s.updated_at, a.updated_at)) * 1000)::bigint AS version,
                   a.status = 'active' AND s.enabled AND s.kind <> 'manual' AS fires
            FROM schedules s JOIN agents a ON a.id = s.agent_id
            WHERE s.id > $1 ORDER BY s.id LIMIT $2""";

    private final Pool pool;
    private final ScheduleRegistry registry;
    private final ReactiveHashCommands<String, String, String> hashes;
    private final ReactiveSortedSetCommands<String, String> index;
    private final RedisKeys keys;

    public ScheduleReconciler(Pool pool, ScheduleRegistry registry, ReactiveRedisDataSource redis, RedisKeys keys) {
        this.pool = pool;
        this.registry = registry;
        this.hashes = redis.hash(String.class);
        this.index = redis.sortedSet(String.class);
        this.keys = keys;
    }

    private static final class Counts {
        final AtomicInteger checked = new AtomicInteger();
        final AtomicInteger registered = new AtomicInteger();
        final AtomicInteger removed = new AtomicInteger();
    }

    private static final String STILL_FIRING = """
            SELECT s.id FROM schedules s JOIN agents a ON a.id = s.agent_id
            WHERE s.id = ANY($1) AND a.status = 'active' AND s.enabled AND s.kind <> 'manual'""";

    /** Result of one reconciliation. */
    public record Report(int checked, int registered, int removed) {}

    /** Runs one full reconciliation (JobRunr calls this on one worker at a time). */
    public void reconcile() {
        Report report = reconcileNow().await().atMost(Duration.ofMinutes(5));
        if (report.registered() > 0 || report.removed() > 0) {
            LOG.infof(
                    "Schedule index reconciled: %d checked, %d registered again, %d removed",
                    report.checked(), report.registered(), report.removed());
        }
    }

    public Uni<Report> reconcileNow() {
        Set<String> firing = new HashSet<>();
        Counts counts = new Counts();
        return reconcilePages("", firing, counts)
                .chain(() -> removeStale(firing))
                .map(removed ->
                        new Report(counts.checked.get(), counts.registered.get(), counts.removed.get() + removed));
    }

    private Uni<Void> reconcilePages(String after, Set<String> firing, Counts counts) {
        return pool.preparedQuery(PAGE_QUERY).execute(Tuple.of(after, PAGE)).chain(rows -> {
            List<Row> page = new ArrayList<>();
            rows.forEach(page::add);
            if (page.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            counts.checked.addAndGet(page.size());
            String last = page.get(page.size() - 1).getString("id");
            return Multi.createFrom()
                    .iterable(page)
                    .onItem()
                    .transformToUni(row -> reconcileOne(row, firing, counts))
                    .merge(32)
                    .collect()
                    .last()
                    .chain(() ->
                            page.size() < PAGE ? Uni.createFrom().voidItem() : reconcilePages(last, firing, counts));
        });
    }

    private Uni<Void> reconcileOne(Row row, Set<String> firing, Counts counts) {
        String scheduleId = row.getString("id");
        String agentId = row.getString("agent_id");
        long version = row.getLong("version");
        boolean fires = row.getBoolean("fires");
        String hashKey = keys.scheduleSpec(keys.partitionOf(agentId), scheduleId);
        if (fires) {
            synchronized (firing) {
                firing.add(scheduleId);
            }
        }
        return hashes.hmget(hashKey, "version", "removed").chain(stored -> {
            Long storedVersion = stored.get("version") == null ? null : Long.parseLong(stored.get("version"));
            boolean removed = stored.get("removed") != null;
            if (!fires) {
                if (storedVersion == null || removed) {
                    return Uni.createFrom().voidItem();
                }
                counts.removed.incrementAndGet();
                return registry.unregister(scheduleId, agentId, Math.max(version, storedVersion));
            }
            if (storedVersion != null && storedVersion >= version && !removed) {
                return Uni.createFrom().voidItem();
            }
            counts.registered.incrementAndGet();
            return registry.register(scheduleId, agentId, version, spec(row), from(row, storedVersion))
                    .replaceWithVoid();
        });
    }

    /**
     * Where a re-registered schedule resumes: after its last admitted occurrence when Redis lost it, so a
     * missed occurrence can still fire late; from now when its definition changed.
     */
    private static Instant from(Row row, Long storedVersion) {
        OffsetDateTime last = row.getOffsetDateTime("last_scheduled_for");
        OffsetDateTime registered = row.getOffsetDateTime("next_fire_at");
        if (storedVersion != null) {
            return Instant.now();
        }
        if (last != null) {
            return last.toInstant().plusMillis(1);
        }
        return registered != null ? registered.toInstant() : Instant.now();
    }

    private static ScheduleSpec spec(Row row) {
        try {
            return ScheduleParser.parse(JSON.readTree(row.getString("spec")), "schedule", null);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Unreadable spec of schedule " + row.getString("id"), e);
        }
    }

    /**
     * Removes index entries of schedules that no longer exist or no longer fire. Candidates are checked once
     * more, so a schedule registered while this reconciliation ran is kept.
     */
    private Uni<Integer> removeStale(Set<String> firing) {
        return Multi.createFrom()
                .range(0, keys.partitions())
                .onItem()
                .transformToUniAndConcatenate(partition -> index.zrange(keys.scheduleIndex(partition), 0, -1)
                        .map(members -> members.stream()
                                .filter(id -> !firing.contains(id))
                                .toList())
                        .chain(this::stillNotFiring)
                        .chain(stale -> removeFromIndex(partition, stale)))
                .collect()
                .with(Collectors.summingInt(Integer::intValue));
    }

    private Uni<List<String>> stillNotFiring(List<String> candidates) {
        if (candidates.isEmpty()) {
            return Uni.createFrom().item(candidates);
        }
        return pool.preparedQuery(STILL_FIRING)
                .execute(Tuple.of(candidates.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> firingNow = new HashSet<>();
                    rows.forEach(row -> firingNow.add(row.getString("id")));
                    return candidates.stream()
                            .filter(id -> !firingNow.contains(id))
                            .toList();
                });
    }

    private Uni<Integer> removeFromIndex(int partition, List<String> stale) {
        if (stale.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        LOG.infof("Removing %d schedule(s) from the index that no longer fire", stale.size());
        return index.zrem(keys.scheduleIndex(partition), stale.toArray(String[]::new));
    }
}
