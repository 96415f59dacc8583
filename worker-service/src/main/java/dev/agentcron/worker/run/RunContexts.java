package dev.agentcron.worker.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcron.model.agent.AgentEntity;
import dev.agentcron.model.run.RunEntity;
import dev.agentcron.worker.run.store.RunRows;
import dev.agentcron.worker.run.store.RunStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.NoSuchElementException;

/**
 * Builds {@link RunContext}s: from rows the engine already holds (its claim's {@code RETURNING *}, mapped
 * with {@link #rows()}), or by loading the run and its agent by id.
 */
@ApplicationScoped
public class RunContexts {

    private final RunStore store;
    private final RunRows rows;

    public RunContexts(RunStore store, ObjectMapper mapper) {
        this.store = store;
        this.rows = new RunRows(mapper);
    }

    /** A context with a fresh {@link CancellationToken}. */
    public RunContext of(RunEntity run, AgentEntity agent) {
        return new RunContext(run, agent, new CancellationToken());
    }

    /** Loads the run (as it is now: claim it first) and its agent; fails with {@link NoSuchElementException}. */
    public Uni<RunContext> load(String runId) {
        return store.findRun(runId)
                .onItem()
                .ifNull()
                .failWith(() -> new NoSuchElementException("No run " + runId))
                .chain(this::forClaimed);
    }

    /** The context of a run whose row the claim returned: loads its agent; fails with {@link NoSuchElementException}. */
    public Uni<RunContext> forClaimed(RunEntity run) {
        return store.findAgent(run.agentId)
                .onItem()
                .ifNull()
                .failWith(() -> new NoSuchElementException("No agent " + run.agentId + " of run " + run.id))
                .map(agent -> of(run, agent));
    }

    /** Maps {@code runs} / {@code agents} rows of the reactive SQL client to entities. */
    public RunRows rows() {
        return rows;
    }
}
