package dev.agentcron.api.agent.mapping;

import dev.agentcron.api.agent.service.AgentDetails;
import dev.agentcron.api.schedule.mapping.ScheduleMapper;
import dev.agentcron.model.agent.AgentEntity;
import java.time.Instant;
import java.util.List;

/** Agents to their API form. */
public final class AgentMapper {

    private AgentMapper() {}

    public static AgentView toView(AgentDetails details) {
        AgentEntity a = details.agent();
        AgentCounters counters = details.counters();
        List<Instant> next = details.nextRunTimes();
        return new AgentView(
                a.id,
                a.slug,
                a.name,
                a.description,
                a.outputMode,
                a.role,
                a.persona,
                a.systemPrompt,
                a.prompt,
                a.goals,
                a.rules,
                a.baseUrl,
                a.knowledgeDomain,
                List.copyOf(a.channels),
                new ModelView(a.modelId, List.copyOf(a.modelFallbacks), a.temperature, a.maxOutputTokens),
                List.copyOf(a.tools),
                a.overlap,
                details.schedules().stream()
                        .filter(s -> s.schedule().primary)
                        .findFirst()
                        .map(ScheduleMapper::toView)
                        .orElse(null),
                details.schedules().size(),
                new LimitsView(
                        a.outputsPerRun,
                        a.dailyLimit,
                        a.maxTurns,
                        a.maxBudgetUsd == null ? null : a.maxBudgetUsd.stripTrailingZeros(),
                        a.runTimeoutSeconds,
                        a.pauseAfterFailures),
                a.status,
                a.statusReason,
                counters.outputsToday(),
                counters.runsToday(),
                next.isEmpty() ? null : next.get(0),
                next,
                a.lastRunAt,
                a.lastRunStatus,
                counters.subscriptionCount(),
                counters.subTopics(),
                a.creatorKeyId == null ? null : new CreatorView(a.creatorKeyId, a.creatorName),
                a.createdAt,
                a.updatedAt);
    }
}
