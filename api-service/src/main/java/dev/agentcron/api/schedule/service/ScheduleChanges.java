package dev.agentcron.api.schedule.service;

import java.util.List;

/**
 * What a committed write did to an agent's schedules: the ones to (re-)register with the scheduling engine
 * and the ones to unregister.
 */
public record ScheduleChanges(String agentId, List<String> upserted, List<String> removed) {

    public static ScheduleChanges none(String agentId) {
        return new ScheduleChanges(agentId, List.of(), List.of());
    }

    public ScheduleChanges plus(ScheduleChanges other) {
        return new ScheduleChanges(
                agentId,
                java.util.stream.Stream.concat(upserted.stream(), other.upserted.stream())
                        .distinct()
                        .toList(),
                java.util.stream.Stream.concat(removed.stream(), other.removed.stream())
                        .distinct()
                        .toList());
    }

    public boolean isEmpty() {
        return upserted.isEmpty() && removed.isEmpty();
    }
}
