package dev.agentcron.model.schedule;

import dev.agentcron.model.queue.RedisKeys;
import dev.agentcron.model.queue.RedisScripts;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The schedule index in Redis (DESIGN decision 4): a sorted set of due times per partition plus each
 * schedule's spec hash, written here and fired by the worker's ticker. PostgreSQL stays the record: the
 * api-service registers after every write that changes when a schedule fires, and the worker's reconciler
 * rebuilds whatever Redis lost.
 *
 * <p>Every registration carries a version (the later of the schedule's and its agent's {@code updated_at}):
 * an older registration never overwrites a newer one, and a removal leaves a short-lived tombstone so a late,
 * older registration cannot bring a removed schedule back.
 */
@ApplicationScoped
public class ScheduleRegistry {

    /** How long a removed schedule's tombstone outlives it in Redis. */
    static final Duration TOMBSTONE_TTL = Duration.ofDays(1);

    private static final String REGISTER = "schedule_register";

    private final RedisScripts scripts;
    private final RedisKeys keys;

    public ScheduleRegistry(RedisScripts scripts, RedisKeys keys) {
        this.scripts = scripts;
        this.keys = keys;
    }

    /**
     * Registers a schedule to fire from its first occurrence at or after {@code from}; removes it instead when
     * it never fires (disabled, manual, finished).
     *
     * @return the registered occurrence (before jitter), or null when the schedule was removed or a newer
     *     registration was already there
     */
    public Uni<Instant> register(String scheduleId, String agentId, long version, ScheduleSpec spec, Instant from) {
        Instant occurrence = spec.enabled() ? ScheduleTimes.next(spec, from) : null;
        if (occurrence == null) {
            return unregister(scheduleId, agentId, version).replaceWith((Instant) null);
        }
        Instant due = occurrence.plus(ScheduleTimes.jitter(spec, scheduleId, occurrence));
        int partition = keys.partitionOf(agentId);
        List<String> args = List.of(
                scheduleId,
                Long.toString(version),
                Long.toString(due.toEpochMilli()),
                Long.toString(TOMBSTONE_TTL.toSeconds()),
                "agent_id",
                agentId,
                "spec",
                spec.toJson().toString(),
                "next",
                Long.toString(occurrence.toEpochMilli()));
        return scripts.run(REGISTER, keys(partition, scheduleId), args)
                .map(applied -> applied.toInteger() == 1 ? occurrence : null);
    }

    /** Removes a schedule from the index (deleted, disabled, its agent paused or deleted). */
    public Uni<Void> unregister(String scheduleId, String agentId, long version) {
        int partition = keys.partitionOf(agentId);
        List<String> args = List.of(scheduleId, Long.toString(version), "", Long.toString(TOMBSTONE_TTL.toSeconds()));
        return scripts.run(REGISTER, keys(partition, scheduleId), args).replaceWithVoid();
    }

    private List<String> keys(int partition, String scheduleId) {
        return List.of(keys.scheduleIndex(partition), keys.scheduleSpec(partition, scheduleId));
    }
}
