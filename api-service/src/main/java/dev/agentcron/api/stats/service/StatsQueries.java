package dev.agentcron.api.stats.service;

import dev.agentcron.api.agent.service.AgentQueries;
import dev.agentcron.api.auth.Caller;
import dev.agentcron.api.stats.mapping.AgentStatsView;
import dev.agentcron.api.stats.mapping.DailyRunsView;
import dev.agentcron.api.stats.mapping.GlobalStatsView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Run statistics, aggregated in PostgreSQL: one statement groups the period's runs by UTC date and in total
 * ({@code GROUPING SETS}) from the covering indexes on {@code (agent_id, queued_at)} and {@code (workspace_id,
 * queued_at)}, so no run is loaded into memory. Dates without runs are filled with zeros here.
 */
@ApplicationScoped
public class StatsQueries {

    /** Finished runs count in success rates and durations; skipped, queued and running ones do not. */
    private static final String FINISHED =
            "status IN ('success', 'error', 'timed_out', 'budget_exceeded', 'cancelled')";

    private static final String FAILED = "status IN ('error', 'timed_out', 'budget_exceeded')";

    private static final String AGGREGATE = """
            SELECT (queued_at AT TIME ZONE 'UTC')::date AS day,
                   GROUPING((queued_at AT TIME ZONE 'UTC')::date) AS is_total,
                   count(*) AS total,
                   count(*) FILTER (WHERE status = 'success') AS success,
                   count(*) FILTER (WHERE %2$s) AS failed,
                   count(*) FILTER (WHERE status = 'skipped') AS skipped,
                   count(*) FILTER (WHERE %1$s) AS finished,
                   coalesce(sum(cost_usd), 0) AS cost_usd,
                   coalesce(sum(input_tokens + output_tokens), 0)::bigint AS tokens,
                   round(avg(duration_ms) FILTER (WHERE %1$s AND duration_ms IS NOT NULL))::bigint AS avg_duration,
                   percentile_disc(0.95) WITHIN GROUP (ORDER BY duration_ms)
                       FILTER (WHERE %1$s AND duration_ms IS NOT NULL) AS p95_duration
              FROM runs
             WHERE %3$s = $1 AND queued_at >= $2
             GROUP BY GROUPING SETS (((queued_at AT TIME ZONE 'UTC')::date), ())
            """;
    private static final String AGENT_AGGREGATE = AGGREGATE.formatted(FINISHED, FAILED, "agent_id");
    private static final String WORKSPACE_AGGREGATE = AGGREGATE.formatted(FINISHED, FAILED, "workspace_id");

    private static final String AGENT_LAST_RUN = "SELECT max(queued_at) AS last_run_at FROM runs WHERE agent_id = $1";
    private static final String WORKSPACE_LAST_RUN =
            "SELECT max(queued_at) AS last_run_at FROM runs WHERE workspace_id = $1";
    private static final String AGENTS = """
            SELECT count(*) AS total_agents,
                   count(*) FILTER (WHERE a.status = 'active') AS active_agents,
                   coalesce(array_agg(a.id ORDER BY a.id) FILTER (WHERE EXISTS (
                       SELECT 1 FROM runs r WHERE r.agent_id = a.id AND r.status IN ('running', 'cancelling'))),
                       '{}') AS running_agent_ids
              FROM agents a
             WHERE a.workspace_id = $1
            """;

    private final Pool pool;
    private final AgentQueries agents;

    public StatsQueries(Pool pool, AgentQueries agents) {
        this.pool = pool;
        this.agents = agents;
    }

    /** The period's figures of one agent of the caller's workspace. */
    public Uni<AgentStatsView> forAgent(Caller caller, String agentIdOrSlug, StatsPeriod period) {
        return agents.find(caller, agentIdOrSlug).map(agent -> agent.id).chain(agentId -> aggregate(
                        AGENT_AGGREGATE, agentId, period)
                .chain(totals -> lastRun(AGENT_LAST_RUN, agentId).map(last -> agentView(period, totals, last))));
    }

    /** The period's figures of the caller's whole workspace. */
    public Uni<GlobalStatsView> forWorkspace(Caller caller, StatsPeriod period) {
        String workspaceId = caller.workspaceId();
        return aggregate(WORKSPACE_AGGREGATE, workspaceId, period)
                .chain(totals -> lastRun(WORKSPACE_LAST_RUN, workspaceId).chain(last -> agentCounts(workspaceId)
                        .map(counts -> globalView(period, totals, last, counts))));
    }

    /** Totals of the period and its dates (all of them, zeros included). */
    private record Aggregate(Row total, List<DailyRunsView> days) {}

    private record AgentCounts(long total, long active, List<String> running) {}

    private Uni<Aggregate> aggregate(String sql, String ownerId, StatsPeriod period) {
        return pool.preparedQuery(sql)
                .execute(Tuple.of(ownerId, period.since().atOffset(ZoneOffset.UTC)))
                .map(rows -> toAggregate(rows, period));
    }

    private static Aggregate toAggregate(RowSet<Row> rows, StatsPeriod period) {
        Row total = null;
        Map<LocalDate, DailyRunsView> byDay = new HashMap<>();
        for (Row row : rows) {
            if (row.getInteger("is_total") == 1) {
                total = row;
            } else {
                LocalDate day = row.getLocalDate("day");
                byDay.put(
                        day,
                        new DailyRunsView(
                                day,
                                row.getLong("success"),
                                row.getLong("failed"),
                                row.getLong("skipped"),
                                row.getLong("total"),
                                cost(row)));
            }
        }
        List<DailyRunsView> days = new ArrayList<>();
        for (LocalDate day = period.firstDay(); !day.isAfter(period.lastDay()); day = day.plusDays(1)) {
            days.add(byDay.getOrDefault(day, new DailyRunsView(day, 0, 0, 0, 0, BigDecimal.ZERO)));
        }
        return new Aggregate(total, days);
    }

    private Uni<Instant> lastRun(String sql, String ownerId) {
        return pool.preparedQuery(sql).execute(Tuple.of(ownerId)).map(rows -> {
            OffsetDateTime last = rows.iterator().next().getOffsetDateTime("last_run_at");
            return last == null ? null : last.toInstant();
        });
    }

    private Uni<AgentCounts> agentCounts(String workspaceId) {
        return pool.preparedQuery(AGENTS).execute(Tuple.of(workspaceId)).map(rows -> {
            Row row = rows.iterator().next();
            return new AgentCounts(
                    row.getLong("total_agents"),
                    row.getLong("active_agents"),
                    Arrays.asList(row.getArrayOfStrings("running_agent_ids")));
        });
    }

    private static AgentStatsView agentView(StatsPeriod period, Aggregate aggregate, Instant lastRunAt) {
        Row total = aggregate.total();
        return new AgentStatsView(
                period.name(),
                total.getLong("total"),
                successRate(total),
                total.getLong("avg_duration"),
                total.getLong("p95_duration"),
                cost(total),
                total.getLong("tokens"),
                lastRunAt,
                aggregate.days());
    }

    private static GlobalStatsView globalView(
            StatsPeriod period, Aggregate aggregate, Instant lastRunAt, AgentCounts counts) {
        Row total = aggregate.total();
        return new GlobalStatsView(
                period.name(),
                counts.total(),
                counts.active(),
                counts.running(),
                total.getLong("total"),
                successRate(total),
                total.getLong("avg_duration"),
                total.getLong("p95_duration"),
                cost(total),
                total.getLong("tokens"),
                lastRunAt,
                aggregate.days());
    }

    private static Double successRate(Row total) {
        long finished = total.getLong("finished");
        return finished == 0 ? null : (double) total.getLong("success") / finished;
    }

    private static BigDecimal cost(Row row) {
        BigDecimal cost = row.getBigDecimal("cost_usd");
        return cost == null || cost.signum() == 0 ? BigDecimal.ZERO : cost.stripTrailingZeros();
    }
}
