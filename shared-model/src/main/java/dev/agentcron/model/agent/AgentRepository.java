package dev.agentcron.model.agent;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AgentRepository implements PanacheRepositoryBase<AgentEntity, String> {

    /** The agent with this id or slug in the workspace, or null: another workspace's agent is never found. */
    public Uni<AgentEntity> findInWorkspace(String workspaceId, String idOrSlug) {
        return find("workspaceId = ?1 and (id = ?2 or slug = ?2)", workspaceId, idOrSlug)
                .firstResult();
    }
}
