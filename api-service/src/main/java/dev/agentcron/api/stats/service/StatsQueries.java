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
 * Run statistics, aggregated in PostgreSQL from the covering indexes on {@code (agent_id, queued_at)} and
 * {@code (workspace_id, queued_at)} (index-only scans), so no run is loaded into memory: one statement
 * aggregates the period's runs per UTC date (a hash aggregate; the period's totals are the sum of its dates),
 * then the 95th percentile of durations (a bounded top-N sort of that one column). Dates without runs are filled
 * with zeros here. Results are shared for a few seconds per agent or workspace and period ({@link StatsCache}).
 */
@ApplicationScoped
public class StatsQueries {

    /** Finished runs count in success rates and durations; skipped, queued and running ones do not. */
    private static final String FINISHED =
            "status IN ('success', 'error', 'timed_out', 'budget_exceeded', 'cancelled')";

    private static final String FAILED = "status IN ('error', 'timed_out', 'budget_exceeded')";

    /** Per UTC date: counts, sums, and what the average duration needs; a hash aggregate, no sort. */
    private static final String DAILY = """
            SELECT (queued_at AT TIME ZONE 'UTC')::date AS day,
                   count(*) AS total,
                   count(*) FILTER (WHERE status = 'success') AS success,
                   count(*) FILTER (WHERE %2$s) AS failed,
                   count(*) FILTER (WHERE status = 'skipped') AS skipped,
                   count(*) FILTER (WHERE %1$s) AS finished,
                   coalesce(sum(cost_usd), 0) AS cost_usd,
                   coalesce(sum(input_tokens + output_tokens), 0)::bigint AS tokens,
                   coalesce(sum(duration_ms) FILTER (WHERE %1$s), 0)::bigint AS duration_sum,
                   count(duration_ms) FILTER (WHERE %1$s) AS duration_count
              FROM runs
             WHERE %3$s = $1 AND queued_at >= $2
             GROUP BY 1
            """;
    /**
     * The 95th percentile (nearest rank) of finished runs' durations: with {@code n} durations it is the
     * {@code ceil(0.95 n)}-th smallest, i.e. the smallest of the {@code $3 = n - ceil(0.95 n) + 1} largest, which
     * PostgreSQL finds with a bounded top-N heap sort of one column instead of sorting them all.
     */
    private static final String P95 = """
            SELECT min(duration_ms) AS p95_duration FROM (
                SELECT duration_ms FROM runs
                 WHERE %2$s = $1 AND queued_at >= $2 AND %1$s AND duration_ms IS NOT NULL
                 ORDER BY duration_ms DESC
                 LIMIT $3) largest
            """;

    private static final String AGENT_DAILY = DAILY.formatted(FINISHED, FAILED, "agent_id");
    private static final String WORKSPACE_DAILY = DAILY.formatted(FINISHED, FAILED, "workspace_id");
    private static final String AGENT_P95 = P95.formatted(FINISHED, "agent_id");
    private static final String WORKSPACE_P95 = P95.formatted(FINISHED, "workspace_id");

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

    private final StatsCache cache;

    public StatsQueries(Pool pool, AgentQueries agents, StatsCache cache) {
        this.pool = pool;
        this.agents = agents;
        this.cache = cache;
    }

    /** The period's figures of one agent of the caller's workspace. */
    public Uni<AgentStatsView> forAgent(Caller caller, String agentIdOrSlug, StatsPeriod period) {
        return agents.find(caller, agentIdOrSlug)
                .map(agent -> agent.id)
                .chain(agentId ->
                        cache.get("agent:" + agentId + ":" + period.name(), () -> agentFigures(agentId, period)));
    }

    private Uni<AgentStatsView> agentFigures(String agentId, StatsPeriod period) {
        return Uni.combine()
                .all()
                .unis(totals(AGENT_DAILY, AGENT_P95, agentId, period), lastRun(AGENT_LAST_RUN, agentId))
                .asTuple()
                .map(figures -> agentView(period, figures.getItem1(), figures.getItem2()));
    }

    /** The period's figures of the caller's whole workspace. */
    public Uni<GlobalStatsView> forWorkspace(Caller caller, StatsPeriod period) {
        String workspaceId = caller.workspaceId();
        return cache.get("workspace:" + workspaceId + ":" + period.name(), () -> workspaceFigures(workspaceId, period));
    }

    private Uni<GlobalStatsView> workspaceFigures(String workspaceId, StatsPeriod period) {
        return Uni.combine()
                .all()
                .unis(
                        totals(WORKSPACE_DAILY, WORKSPACE_P95, workspaceId, period),
                        lastRun(WORKSPACE_LAST_RUN, workspaceId),
                        agentCounts(workspaceId))
                .asTuple()
                .map(figures -> globalView(period, figures.getItem1(), figures.getItem2(), figures.getItem3()));
    }

    /** The period's totals and its dates (all of them, zeros included). */
    private record Totals(
            long total,
            long success,
            long finished,
            BigDecimal cost,
            long tokens,
            long durationSum,
            long durationCount,
            Long p95,
            List<DailyRunsView> days) {

        Double successRate() {
            return finished == 0 ? null : (double) success / finished;
        }

        Totals withP95(Long value) {
            return new Totals(total, success, finished, cost, tokens, durationSum, durationCount, value, days);
        }

        Long averageDuration() {
            return durationCount == 0 ? null : Math.round((double) durationSum / durationCount);
        }
    }

    private record AgentCounts(long total, long active, List<String> running) {}

    /** The daily aggregate, then (knowing how many durations there are) the percentile. */
    private Uni<Totals> totals(String dailySql, String p95Sql, String ownerId, StatsPeriod period) {
        OffsetDateTime since = period.since().atOffset(ZoneOffset.UTC);
        return pool.preparedQuery(dailySql)
                .execute(Tuple.of(ownerId, since))
                .map(rows -> toTotals(rows, period))
                .chain(totals -> percentile(p95Sql, ownerId, since, totals));
    }

    private Uni<Totals> percentile(String sql, String ownerId, OffsetDateTime since, Totals totals) {
        long n = totals.durationCount();
        if (n == 0) {
            return Uni.createFrom().item(totals);
        }
        long rank = (95 * n + 99) / 100;
        return pool.preparedQuery(sql)
                .execute(Tuple.of(ownerId, since, n - rank + 1))
                .map(rows -> totals.withP95(rows.iterator().next().getLong("p95_duration")));
    }

    private static Totals toTotals(RowSet<Row> daily, StatsPeriod period) {
        Map<LocalDate, DailyRunsView> byDay = new HashMap<>();
        long total = 0;
        long success = 0;
        long finished = 0;
        BigDecimal cost = BigDecimal.ZERO;
        long tokens = 0;
        long durationSum = 0;
        long durationCount = 0;
        for (Row row : daily) {
            LocalDate day = row.getLocalDate("day");
            BigDecimal dayCost = cost(row.getBigDecimal("cost_usd"));
            byDay.put(
                    day,
                    new DailyRunsView(
                            day,
                            row.getLong("success"),
                            row.getLong("failed"),
                            row.getLong("skipped"),
                            row.getLong("total"),
                            dayCost));
            total += row.getLong("total");
            success += row.getLong("success");
            finished += row.getLong("finished");
            cost = cost.add(dayCost);
            tokens += row.getLong("tokens");
            durationSum += row.getLong("duration_sum");
            durationCount += row.getLong("duration_count");
        }
        List<DailyRunsView> days = new ArrayList<>();
        for (LocalDate day = period.firstDay(); !day.isAfter(period.lastDay()); day = day.plusDays(1)) {
            days.add(byDay.getOrDefault(day, new DailyRunsView(day, 0, 0, 0, 0, BigDecimal.ZERO)));
        }
        return new Totals(total, success, finished, cost(cost), tokens, durationSum, durationCount, null, days);
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

    private static AgentStatsView agentView(StatsPeriod period, Totals totals, Instant lastRunAt) {
        return new AgentStatsView(
                period.name(),
                totals.total(),
                totals.successRate(),
                totals.averageDuration(),
                totals.p95(),
                totals.cost(),
                totals.tokens(),
                lastRunAt,
                totals.days());
    }

    private static GlobalStatsView globalView(
            StatsPeriod period, Totals totals, Instant lastRunAt, AgentCounts counts) {
        return new GlobalStatsView(
                period.name(),
                counts.total(),
                counts.active(),
                counts.running(),
                totals.total(),
                totals.successRate(),
                totals.averageDuration(),
                totals.p95(),
                totals.cost(),
                totals.tokens(),
                lastRunAt,
                totals.days());
    }

    private static BigDecimal cost(BigDecimal cost) {
        return cost == null || cost.signum() == 0 ? BigDecimal.ZERO : cost.stripTrailingZeros();
    }
}
