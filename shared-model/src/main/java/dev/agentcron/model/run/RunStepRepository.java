package dev.agentcron.model.run;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class RunStepRepository implements PanacheRepositoryBase<RunStepEntity, Long> {

    /** The steps of a run in the order they happened. */
    public Uni<List<RunStepEntity>> listForRun(String runId) {
        return list("runId = ?1 order by attempt, seq", runId);
    }
}
