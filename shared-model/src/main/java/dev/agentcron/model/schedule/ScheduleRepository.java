package dev.agentcron.model.schedule;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ScheduleRepository implements PanacheRepositoryBase<ScheduleEntity, String> {

    /** An agent's schedules, primary first, then oldest first. */
    public Uni<List<ScheduleEntity>> listForAgent(String agentId) {
        return list("agentId = ?1 order by primary desc, createdAt, id", agentId);
    }
}
