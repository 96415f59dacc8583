package dev.agentcron.api.agent.service;

import dev.agentcron.api.agent.mapping.AgentCounters;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The counters of a page of agents in one query (index-backed sub-selects per agent): subscriptions and
 * their topics, today's outputs (artifacts created by the agent's runs since 00:00 UTC) and today's runs
 * (queued since 00:00 UTC, skipped ones excluded).
 */
@ApplicationScoped
public class AgentCounterQueries {

    private static final String COUNTERS = """
            SELECT a.id,
                   (SELECT count(*) FROM subscriptions s WHERE s.agent_id = a.id) AS subscription_count,
                   (SELECT coalesce(array_agg(DISTINCT s.topic ORDER BY s.topic), '{}')
                      FROM subscriptions s WHERE s.agent_id = a.id) AS sub_topics,
                   (SELECT count(*) FROM artifacts t
                     WHERE t.agent_id = a.id AND t.run_id IS NOT NULL AND t.created_at >= $2) AS outputs_today,
                   (SELECT count(*) FROM runs r
                     WHERE r.agent_id = a.id AND r.queued_at >= $2 AND r.status <> 'skipped') AS runs_today
              FROM agents a
             WHERE a.id = ANY($1)
            """;

    private final Pool pool;

    public AgentCounterQueries(Pool pool) {
        this.pool = pool;
    }

    /** Counters by agent id; agents without rows in the other tables get zeros. */
    public Uni<Map<String, AgentCounters>> forAgents(List<String> agentIds) {
        if (agentIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        OffsetDateTime startOfDay = LocalDate.now(ZoneOffset.UTC).atStartOfDay().atOffset(ZoneOffset.UTC);
        return pool.preparedQuery(COUNTERS)
                .execute(Tuple.of(agentIds.toArray(String[]::new), startOfDay))
                .map(rows -> {
                    Map<String, AgentCounters> counters = new HashMap<>();
                    for (Row row : rows) {
                        counters.put(row.getString("id"), counters(row));
                    }
                    return counters;
                });
    }

    private static AgentCounters counters(Row row) {
        String[] topics = row.getArrayOfStrings("sub_topics");
        return new AgentCounters(
                row.getLong("subscription_count"),
                topics == null ? List.of() : Arrays.asList(topics),
                row.getLong("outputs_today"),
                row.getLong("runs_today"));
    }
}
