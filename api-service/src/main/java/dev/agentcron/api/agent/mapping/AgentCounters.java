package dev.agentcron.api.agent.mapping;

import java.util.List;

/**
 * Figures of an agent read from other tables: its event subscriptions, and today's (UTC) outputs (artifacts
 * its runs created) and runs (queued today, skipped ones excluded).
 */
public record AgentCounters(long subscriptionCount, List<String> subTopics, long outputsToday, long runsToday) {

    public static final AgentCounters NONE = new AgentCounters(0, List.of(), 0, 0);
}
