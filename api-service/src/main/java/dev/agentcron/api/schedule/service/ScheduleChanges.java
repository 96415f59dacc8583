package dev.agentcron.api.schedule.service;

import dev.agentcron.model.agent.AgentEntity;
import dev.agentcron.model.schedule.ScheduleEntity;
import dev.agentcron.model.schedule.ScheduleSpec;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a committed write did to an agent's schedules, with what the scheduling engine needs to apply it
 * ({@code ScheduleRegistry.register}/{@code unregister}): schedules to (re-)register and schedules to remove.
 */
public record ScheduleChanges(String agentId, List<Upsert> upserted, List<Removal> removed) {

    /**
     * A schedule whose firing may have changed.
     *
     * @param version the later of the schedule's and its agent's {@code updated_at}, in epoch ms
     * @param fires whether it fires at all: its agent is active and it is enabled (else: unregister it)
     */
    public record Upsert(String scheduleId, String agentId, long version, ScheduleSpec spec, boolean fires) {}

    /** A deleted schedule (or one of a deleted agent); {@code version} is the deletion time in epoch ms. */
    public record Removal(String scheduleId, String agentId, long version) {}

    public static ScheduleChanges none(String agentId) {
        return new ScheduleChanges(agentId, List.of(), List.of());
    }

    /** The given schedules of {@code agent}, as they are now. */
    public static ScheduleChanges upserted(AgentEntity agent, List<ScheduleEntity> schedules) {
        return new ScheduleChanges(
                agent.id, schedules.stream().map(s -> upsert(agent, s)).toList(), List.of());
    }

    /** The given schedules of {@code agentId} were deleted. */
    public static ScheduleChanges removed(String agentId, List<String> scheduleIds) {
        long now = Instant.now().toEpochMilli();
        return new ScheduleChanges(
                agentId,
                List.of(),
                scheduleIds.stream().map(id -> new Removal(id, agentId, now)).toList());
    }

    public ScheduleChanges plus(ScheduleChanges other) {
        return new ScheduleChanges(
                agentId,
                Stream.concat(upserted.stream(), other.upserted.stream()).toList(),
                Stream.concat(removed.stream(), other.removed.stream()).toList());
    }

    public boolean isEmpty() {
        return upserted.isEmpty() && removed.isEmpty();
    }

    private static Upsert upsert(AgentEntity agent, ScheduleEntity schedule) {
        long version = Math.max(
                schedule.updatedAt.toEpochMilli(), agent.updatedAt == null ? 0 : agent.updatedAt.toEpochMilli());
        return new Upsert(
                schedule.id, agent.id, version, ScheduleService.spec(schedule), agent.isActive() && schedule.enabled);
    }
}
