package dev.agentcron.api.agent.service;

import dev.agentcron.api.agent.mapping.AgentCounters;
import dev.agentcron.api.agent.mapping.NameCheckView;
import dev.agentcron.api.auth.Caller;
import dev.agentcron.api.common.error.NotFoundException;
import dev.agentcron.api.common.rest.Paging;
import dev.agentcron.api.common.rest.Slice;
import dev.agentcron.api.schedule.service.ScheduleDetails;
import dev.agentcron.api.schedule.service.ScheduleService;
import dev.agentcron.model.agent.AgentEntity;
import dev.agentcron.model.agent.AgentRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads agents with what their API form needs. A page costs one query for the agents, one for the total,
 * one for the schedules of all its agents and one for all their counters (never one per agent).
 */
@ApplicationScoped
public class AgentQueries {

    private final AgentRepository agents;
    private final ScheduleService schedules;
    private final AgentCounterQueries counters;

    public AgentQueries(AgentRepository agents, ScheduleService schedules, AgentCounterQueries counters) {
        this.agents = agents;
        this.schedules = schedules;
        this.counters = counters;
    }

    @WithSession
    public Uni<AgentDetails> get(Caller caller, String idOrSlug) {
        return find(caller, idOrSlug).chain(agent -> details(List.of(agent))).map(list -> list.get(0));
    }

    /** The agent with this id or slug in the caller's workspace, or a not-found failure. */
    @WithSession
    public Uni<AgentEntity> find(Caller caller, String idOrSlug) {
        return agents.findInWorkspace(caller.workspaceId(), idOrSlug)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundException("agent", idOrSlug));
    }

    @WithSession
    public Uni<Slice<AgentDetails>> list(Caller caller, AgentFilter filter, Paging paging) {
        StringBuilder where = new StringBuilder("workspaceId = :workspace");
        Map<String, Object> params = new HashMap<>();
        params.put("workspace", caller.workspaceId());
        if (filter.search() != null) {
            where.append(" and lower(name) like :search escape '\\'");
            params.put("search", "%" + escapeLike(filter.search().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.status() != null) {
            where.append(" and status = :status");
            params.put("status", filter.status());
        }
        if (filter.outputMode() != null) {
            where.append(" and outputMode = :outputMode");
            params.put("outputMode", filter.outputMode());
        }
        if (filter.knowledgeDomain() != null) {
            where.append(" and knowledgeDomain = :domain");
            params.put("domain", filter.knowledgeDomain());
        }
        String query = where.toString();
        return agents.find(query, filter.sort(), params)
                .range(paging.offset(), paging.offset() + paging.limit() - 1)
                .list()
                .chain(this::details)
                .chain(page -> agents.count(query, params).map(total -> new Slice<>(page, total)));
    }

    /** Whether {@code name} can be used in the caller's workspace, ignoring the agent {@code ignoreId}. */
    @WithSession
    public Uni<NameCheckView> checkName(Caller caller, String name, String ignoreId) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            return Uni.createFrom().item(new NameCheckView(false, "invalid", null));
        }
        return nameConflict(caller.workspaceId(), name.strip(), ignoreId)
                .map(conflict -> conflict == null
                        ? new NameCheckView(true, null, null)
                        : new NameCheckView(false, "duplicate", conflict));
    }

    /** The id of another agent of the workspace named {@code name} (case-insensitive), or null. */
    Uni<String> nameConflict(String workspaceId, String name, String ignoreId) {
        return agents.find(
                        "workspaceId = ?1 and lower(name) = ?2 and id <> ?3 and (slug is null or slug <> ?3)",
                        workspaceId,
                        name.toLowerCase(Locale.ROOT),
                        ignoreId == null ? "" : ignoreId)
                .firstResult()
                .map(agent -> agent == null ? null : agent.id);
    }

    /** The id of another agent of the workspace with this slug, or null. */
    Uni<String> slugConflict(String workspaceId, String slug, String ignoreId) {
        return agents.find(
                        "workspaceId = ?1 and slug = ?2 and id <> ?3",
                        workspaceId,
                        slug,
                        ignoreId == null ? "" : ignoreId)
                .firstResult()
                .map(agent -> agent == null ? null : agent.id);
    }

    Uni<List<AgentDetails>> details(List<AgentEntity> page) {
        List<String> ids = page.stream().map(agent -> agent.id).toList();
        return schedules.forAgents(ids).chain(byAgent -> counters.forAgents(ids)
                .map(countersById -> assemble(page, byAgent, countersById)));
    }

    private static List<AgentDetails> assemble(
            List<AgentEntity> page, Map<String, List<ScheduleDetails>> schedules, Map<String, AgentCounters> counters) {
        return page.stream()
                .map(agent -> new AgentDetails(
                        agent,
                        schedules.getOrDefault(agent.id, List.of()),
                        counters.getOrDefault(agent.id, AgentCounters.NONE)))
                .toList();
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
