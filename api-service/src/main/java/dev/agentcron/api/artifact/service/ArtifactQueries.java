package dev.agentcron.api.artifact.service;

import dev.agentcron.api.agent.service.AgentQueries;
import dev.agentcron.api.artifact.mapping.ArtifactMapper;
import dev.agentcron.api.artifact.mapping.ArtifactSummaryView;
import dev.agentcron.api.artifact.mapping.ArtifactView;
import dev.agentcron.api.auth.Caller;
import dev.agentcron.api.common.error.NotFoundException;
import dev.agentcron.api.common.rest.Paging;
import dev.agentcron.api.common.rest.Slice;
import dev.agentcron.model.agent.AgentEntity;
import dev.agentcron.model.artifact.ArtifactEntity;
import dev.agentcron.model.artifact.ArtifactRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads artifacts. A list page is one query for the rows (every column but {@code content}, which can be
 * large, is never read) and one for the total; both go through the indexes on {@code (agent_id, created_at)},
 * {@code (agent_id, artifact_type, created_at)}, {@code (agent_id, approval_status, created_at)} and the GIN
 * index on {@code tags}.
 */
@ApplicationScoped
public class ArtifactQueries {

    private static final String PAGE = "SELECT " + ArtifactMapper.SUMMARY_COLUMNS
            + " FROM artifacts WHERE %s ORDER BY created_at DESC, id DESC LIMIT $%d OFFSET $%d";
    private static final String COUNT = "SELECT count(*) AS total FROM artifacts WHERE %s";

    /** A WHERE clause of a list query and its parameters ({@code $1} is the agent). */
    private record Where(String sql, List<Object> params) {

        static Where of(String agentId, ArtifactFilter filter) {
            StringBuilder sql = new StringBuilder("agent_id = $1");
            List<Object> params = new ArrayList<>(List.of(agentId));
            if (filter.type() != null) {
                params.add(filter.type());
                sql.append(" AND artifact_type = $").append(params.size());
            }
            if (filter.approvalStatus() != null) {
                params.add(filter.approvalStatus());
                sql.append(" AND approval_status = $").append(params.size());
            }
            if (filter.tag() != null) {
                params.add(new String[] {filter.tag()});
                sql.append(" AND tags @> $").append(params.size()).append("::text[]");
            }
            return new Where(sql.toString(), params);
        }
    }

    private final ArtifactRepository artifacts;
    private final AgentQueries agents;
    private final Pool pool;

    public ArtifactQueries(ArtifactRepository artifacts, AgentQueries agents, Pool pool) {
        this.artifacts = artifacts;
        this.agents = agents;
        this.pool = pool;
    }

    /** The agent's artifacts without their content, newest first. */
    @WithSession
    public Uni<Slice<ArtifactSummaryView>> list(
            Caller caller, String agentIdOrSlug, ArtifactFilter filter, Paging paging) {
        return agents.find(caller, agentIdOrSlug)
                .map(agent -> Where.of(agent.id, filter))
                .chain(where -> slice(where, paging));
    }

    /** The page and the total, queried side by side. */
    private Uni<Slice<ArtifactSummaryView>> slice(Where where, Paging paging) {
        return Uni.combine().all().unis(page(where, paging), total(where)).with(Slice::new);
    }

    /** One artifact of the agent, with its content. */
    @WithSession
    public Uni<ArtifactView> get(Caller caller, String agentIdOrSlug, String artifactId) {
        return agents.find(caller, agentIdOrSlug)
                .chain(agent -> find(agent, artifactId))
                .map(ArtifactMapper::toView);
    }

    /** The artifact of this agent (so of the caller's workspace), or a not-found failure. */
    Uni<ArtifactEntity> find(AgentEntity agent, String artifactId) {
        return artifacts
                .find("id = ?1 and agentId = ?2", artifactId, agent.id)
                .firstResult()
                .onItem()
                .ifNull()
                .failWith(() -> new NotFoundException("artifact", artifactId));
    }

    private Uni<List<ArtifactSummaryView>> page(Where where, Paging paging) {
        List<Object> params = new ArrayList<>(where.params());
        params.add(paging.limit());
        params.add(paging.offset());
        return pool.preparedQuery(PAGE.formatted(where.sql(), params.size() - 1, params.size()))
                .execute(Tuple.tuple(params))
                .map(ArtifactQueries::summaries);
    }

    private Uni<Long> total(Where where) {
        return pool.preparedQuery(COUNT.formatted(where.sql()))
                .execute(Tuple.tuple(where.params()))
                .map(rows -> rows.iterator().next().getLong("total"));
    }

    private static List<ArtifactSummaryView> summaries(RowSet<Row> rows) {
        List<ArtifactSummaryView> items = new ArrayList<>();
        for (Row row : rows) {
            items.add(ArtifactMapper.toSummary(row));
        }
        return items;
    }
}
