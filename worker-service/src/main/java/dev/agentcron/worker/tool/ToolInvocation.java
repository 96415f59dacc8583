package dev.agentcron.worker.tool;

import dev.agentcron.model.agent.AgentEntity;

/**
 * Who calls a tool.
 *
 * @param agent the agent of the run
 * @param runId the run
 * @param attempt the run's attempt (fences the tool's writes)
 */
public record ToolInvocation(AgentEntity agent, String runId, int attempt) {}
