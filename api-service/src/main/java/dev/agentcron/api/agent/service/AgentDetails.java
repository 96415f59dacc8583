package dev.agentcron.api.agent.service;

import dev.agentcron.api.agent.mapping.AgentCounters;
import dev.agentcron.api.schedule.service.ScheduleDetails;
import dev.agentcron.model.agent.AgentEntity;
import java.time.Instant;
import java.util.List;

/** An agent with what its API form needs from other tables: its schedules and counters. */
public record AgentDetails(AgentEntity agent, List<ScheduleDetails> schedules, AgentCounters counters) {

    /** Upcoming occurrences shown per agent and per schedule. */
    public static final int NEXT_RUN_TIMES = 5;

    /** The next occurrences over all enabled schedules, merged; none unless the agent is active. */
    public List<Instant> nextRunTimes() {
        if (!agent.isActive()) {
            return List.of();
        }
        return schedules.stream()
                .filter(details -> details.schedule().enabled)
                .flatMap(details -> details.nextRunTimes().stream())
                .distinct()
                .sorted()
                .limit(NEXT_RUN_TIMES)
                .toList();
    }
}
