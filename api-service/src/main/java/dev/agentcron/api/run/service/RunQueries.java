package dev.agentcron.api.run.service;

import dev.agentcron.api.agent.service.AgentQueries;
import dev.agentcron.api.auth.Caller;
import dev.agentcron.api.common.error.NotFoundException;
import dev.agentcron.api.common.rest.Paging;
import dev.agentcron.api.common.rest.Slice;
import dev.agentcron.api.run.mapping.RunMapper;
import dev.agentcron.api.run.mapping.RunView;
import dev.agentcron.model.run.RunEntity;
import dev.agentcron.model.run.RunRepository;
import dev.agentcron.model.run.RunStepRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads runs: an agent's history (one query for the page, one for the total, one for all artifact ids). */
@ApplicationScoped
public class RunQueries {

    private static final String ARTIFACT_IDS =
            "SELECT run_id, array_agg(id ORDER BY created_at, id) AS ids FROM artifacts WHERE run_id = ANY($1)"
                    + " GROUP BY run_id";

    private final RunRepository runs;
    private final RunStepRepository steps;
    private final AgentQueries agents;
    private final Pool pool;

    public RunQueries(RunRepository runs, RunStepRepository steps, AgentQueries agents, Pool pool) {
        this.runs = runs;
        this.steps = steps;
        this.agents = agents;
        this.pool = pool;
    }

    /** The agent's runs, newest first. */
    @WithSession
    public Uni<Slice<RunView>> history(Caller caller, String agentIdOrSlug, RunFilter filter, Paging paging) {
        return agents.find(caller, agentIdOrSlug).chain(agent -> {
            StringBuilder where = new StringBuilder("agentId = :agent");
            Map<String, Object> params = new HashMap<>();
            params.put("agent", agent.id);
            if (filter.since() != null) {
                where.append(" and queuedAt >= :since");
                params.put("since", filter.since());
            }
            if (filter.status() != null) {
                where.append(" and status = :status");
                params.put("status", filter.status());
            }
            if (filter.trigger() != null) {
                where.append(" and trigger = :trigger");
                params.put("trigger", filter.trigger());
            }
            String query = where.toString();
            return runs.find(query, Sort.descending("queuedAt", "id"), params)
                    .range(paging.offset(), paging.offset() + paging.limit() - 1)
                    .list()
                    .chain(page -> withArtifacts(page)
                            .chain(views -> runs.count(query, params).map(total -> new Slice<>(views, total))));
        });
    }

    /** One run of the caller's workspace with its steps. */
    @WithSession
    public Uni<RunView> get(Caller caller, String runId) {
        return find(caller, runId).chain(run -> steps.listForRun(run.id).chain(runSteps -> artifactIds(List.of(run.id))
                .map(ids -> RunMapper.toView(run, ids.getOrDefault(run.id, List.of()), runSteps))));
    }

    /** The run in the caller's workspace, or a not-found failure. */
    @WithSession
    public Uni<RunEntity> find(Caller caller, String runId) {
        return runs.find("id = ?1 and workspaceId = ?2", runId, caller.workspaceId())
                .firstResult()
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundException("run", runId));
    }

    /** The run as the API shows it (without steps). */
    public Uni<RunView> view(RunEntity run) {
        return artifactIds(List.of(run.id))
                .map(ids -> RunMapper.toView(run, ids.getOrDefault(run.id, List.of()), null));
    }

    private Uni<List<RunView>> withArtifacts(List<RunEntity> page) {
        return artifactIds(page.stream().map(run -> run.id).toList()).map(ids -> page.stream()
                .map(run -> RunMapper.toView(run, ids.getOrDefault(run.id, List.of()), null))
                .toList());
    }

    private Uni<Map<String, List<String>>> artifactIds(List<String> runIds) {
        if (runIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery(ARTIFACT_IDS)
                .execute(Tuple.of(runIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, List<String>> ids = new HashMap<>();
                    rows.forEach(row -> ids.put(row.getString("run_id"), List.of(row.getArrayOfStrings("ids"))));
                    return ids;
                });
    }
}
