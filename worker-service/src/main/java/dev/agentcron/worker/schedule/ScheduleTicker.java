package dev.agentcron.worker.schedule;

import dev.agentcron.model.queue.Job;
import dev.agentcron.model.queue.RedisKeys;
import dev.agentcron.model.queue.RedisScripts;
import dev.agentcron.model.schedule.ScheduleSpec;
import dev.agentcron.worker.queue.WorkerSettings;
import dev.agentcron.worker.startup.SchemaGate;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.sortedset.ReactiveSortedSetCommands;
import io.quarkus.redis.datasource.sortedset.ScoreRange;
import io.quarkus.redis.datasource.sortedset.ZRangeArgs;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Fires due schedules. Every worker replica runs a ticker. A tick takes a batch of due schedules with the
 * {@code schedule_take} script (their score becomes a short lease, so replicas share the work instead of all
 * trying every schedule) and fires each with the {@code schedule_fire} script, which compare-and-sets the
 * schedule's score and XADDs the job in one call, so N replicas fire it once. The run row's unique (schedule,
 * occurrence) key keeps it exact even when Redis loses state.
 */
@ApplicationScoped
public class ScheduleTicker {

    private static final Logger LOG = Logger.getLogger(ScheduleTicker.class);
    private static final String FIRE = "schedule_fire";
    private static final String TAKE = "schedule_take";
    /**
     * How long the schedules a tick took stay hidden from other tickers: the tick fires them well within it; a
     * schedule whose fire failed, or whose ticker died, is due again when it ends.
     */
    private static final Duration TAKE_LEASE = Duration.ofSeconds(5);

    private static final int CONCURRENT_FIRES = 64;
    private static final String COUNT_MISSED = "UPDATE schedules SET missed_count = missed_count + $2 WHERE id = $1";

    private final ReactiveSortedSetCommands<String, String> index;
    private final ReactiveHashCommands<String, String, String> hashes;
    private final RedisScripts scripts;
    private final RedisKeys keys;
    private final SpecCache specs;
    private final Pool pool;
    private final WorkerSettings settings;
    private final SchemaGate schemaGate;
    private final Vertx vertx;
    private final Clock clock = Clock.systemUTC();
    private volatile boolean running;

    public ScheduleTicker(
            ReactiveRedisDataSource redis,
            RedisScripts scripts,
            RedisKeys keys,
            SpecCache specs,
            Pool pool,
            WorkerSettings settings,
            SchemaGate schemaGate,
            Vertx vertx) {
        this.index = redis.sortedSet(String.class);
        this.hashes = redis.hash(String.class);
        this.scripts = scripts;
        this.keys = keys;
        this.specs = specs;
        this.pool = pool;
        this.settings = settings;
        this.schemaGate = schemaGate;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        if (!settings.runs(WorkerSettings.Role.TICKER)) {
            return;
        }
        schemaGate.opened().subscribe().with(ignored -> start());
    }

    public void start() {
        running = true;
        scheduleTick(0);
    }

    public void stop() {
        running = false;
    }

    private void scheduleTick(long delayMillis) {
        if (!running) {
            return;
        }
        if (delayMillis <= 0) {
            vertx.runOnContext(this::tick);
        } else {
            vertx.setTimer(delayMillis, id -> tick());
        }
    }

    private void tick() {
        if (!running) {
            return; // stopped while this tick was scheduled
        }
        Instant started = clock.instant();
        Multi.createFrom()
                .range(0, keys.partitions())
                .onItem()
                .transformToUniAndConcatenate(this::tickPartition)
                .collect()
                .with(java.util.stream.Collectors.summingInt(Integer::intValue))
                .chain(fired -> fired >= settings.tickBatch()
                        ? Uni.createFrom().item(0L) // more is due at once: go on without a pause
                        : nextDueAfter(started)
                                .map(next -> untilNextTick(
                                        next,
                                        clock.millis(),
                                        settings.tickInterval().toMillis())))
                .subscribe()
                .with(this::scheduleTick, failure -> {
                    if (running) {
                        LOG.warnf("Tick failed, retrying in 1 s: %s", failure.getMessage());
                        scheduleTick(1000);
                    }
                });
    }

    /**
     * The earliest due time (epoch ms) later than {@code after} across partitions, or null: the ticker sleeps
     * until then instead of a whole interval, so a schedule fires within milliseconds of its due time.
     */
    private Uni<Long> nextDueAfter(Instant after) {
        ScoreRange<Double> later =
                new ScoreRange<>((double) after.toEpochMilli(), false, Double.POSITIVE_INFINITY, true);
        return Multi.createFrom()
                .range(0, keys.partitions())
                .onItem()
                .transformToUniAndConcatenate(partition -> index.zrangebyscoreWithScores(
                        keys.scheduleIndex(partition), later, new ZRangeArgs().limit(0, 1)))
                .collect()
                .in(
                        () -> new long[] {Long.MAX_VALUE},
                        (earliest, first) ->
                                first.forEach(due -> earliest[0] = Math.min(earliest[0], (long) due.score())))
                .map(earliest -> earliest[0] == Long.MAX_VALUE ? null : earliest[0]);
    }

    /**
     * How long the ticker sleeps: until the next due time when that comes sooner than the tick interval, else
     * the interval (which also bounds how late a schedule registered meanwhile by another process is seen).
     */
    static long untilNextTick(Long nextDueMillis, long nowMillis, long interval) {
        return nextDueMillis == null ? interval : Math.max(0, Math.min(interval, nextDueMillis - nowMillis));
    }

    /** Fires what is due in one partition; returns how many due schedules it handled. */
    public Uni<Integer> tickPartition(int partition) {
        Instant now = clock.instant();
        long leaseEnd = now.plus(TAKE_LEASE).toEpochMilli();
        return takeDue(partition, now, leaseEnd)
                .onItem()
                .transformToMulti(due -> Multi.createFrom().iterable(due))
                .onItem()
                .transformToUni(scheduleId -> fire(partition, scheduleId, leaseEnd, now))
                .merge(CONCURRENT_FIRES)
                .collect()
                .with(java.util.stream.Collectors.counting())
                .map(Long::intValue);
    }

    /**
     * The ids of up to a batch of schedules due by {@code now}, taken for this ticker with the {@code
     * schedule_take} script: their score becomes {@code leaseEnd}, so other tickers do not fire them too.
     */
    private Uni<List<String>> takeDue(int partition, Instant now, long leaseEnd) {
        return scripts.run(
                        TAKE,
                        List.of(keys.scheduleIndex(partition)),
                        List.of(
                                Long.toString(now.toEpochMilli()),
                                Integer.toString(settings.tickBatch()),
                                Long.toString(leaseEnd)))
                .map(taken -> {
                    List<String> ids = new ArrayList<>(taken.size() / 2);
                    for (int i = 0; i < taken.size(); i += 2) {
                        ids.add(taken.get(i).toString());
                    }
                    return ids;
                });
    }

    private Uni<Void> fire(int partition, String scheduleId, long leaseEnd, Instant now) {
        String hashKey = keys.scheduleSpec(partition, scheduleId);
        return hashes.hmget(hashKey, "version", "spec", "agent_id", "next", "removed")
                .chain(fields -> fireRegistered(partition, scheduleId, leaseEnd, fields, now))
                .onFailure()
                .recoverWithUni(failure -> {
                    LOG.errorf("Firing schedule %s failed: %s", scheduleId, failure.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<Void> fireRegistered(
            int partition, String scheduleId, long expectedScore, Map<String, String> fields, Instant now) {
        String version = fields.get("version");
        if (version == null
                || fields.get("removed") != null
                || fields.get("spec") == null
                || fields.get("next") == null) {
            LOG.warnf("Schedule %s is due but not registered: dropping it from the index", scheduleId);
            return index.zrem(keys.scheduleIndex(partition), scheduleId).replaceWithVoid();
        }
        ScheduleSpec spec = specs.get(scheduleId, version, fields.get("spec"));
        String agentId = fields.get("agent_id");
        Instant registered = Instant.ofEpochMilli(Long.parseLong(fields.get("next")));
        OccurrencePlan plan = OccurrencePlan.of(spec, scheduleId, registered, now);
        List<String> args = new ArrayList<>(16);
        args.add(scheduleId);
        args.add(Long.toString(expectedScore));
        args.add(version);
        args.add(plan.next() == null ? "" : Long.toString(plan.nextDue().toEpochMilli()));
        args.add(plan.next() == null ? "" : Long.toString(plan.next().toEpochMilli()));
        if (plan.fire() != null) {
            args.addAll(Job.occurrence(scheduleId, agentId, plan.fire(), plan.fireDue())
                    .toFields());
        }
        List<String> scriptKeys = List.of(
                keys.scheduleIndex(partition), keys.scheduleSpec(partition, scheduleId), keys.scheduledJobs(partition));
        return scripts.run(FIRE, scriptKeys, args).chain(result -> {
            boolean won = !"0".equals(result.toString());
            if (won && plan.missed() > 0) {
                LOG.infof(
                        "Schedule %s missed %d occurrence(s) outside its catch-up window%s",
                        scheduleId, plan.missed(), plan.fire() == null ? "" : "; running the latest, " + plan.fire());
                return pool.preparedQuery(COUNT_MISSED)
                        .execute(Tuple.of(scheduleId, plan.missed()))
                        .replaceWithVoid();
            }
            return Uni.createFrom().voidItem();
        });
    }
}
