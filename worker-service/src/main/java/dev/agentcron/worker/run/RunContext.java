package dev.agentcron.worker.run;

import dev.agentcron.model.agent.AgentEntity;
import dev.agentcron.model.run.RunEntity;

/**
 * What {@link RunExecutor#execute(RunContext)} needs: the claimed run (status {@code running}, its {@code
 * attempt} being the fencing token of this execution), its agent, and the token that stops it. Build one
 * with {@link RunContexts}.
 *
 * @param run the run row as claimed (after {@code attempt = attempt + 1})
 * @param agent the run's agent
 * @param cancellation cancelled by the engine on user cancel or lease loss
 */
public record RunContext(RunEntity run, AgentEntity agent, CancellationToken cancellation) {

    public String runId() {
        return run.id;
    }

    public int attempt() {
        return run.attempt;
    }
}
