package dev.agentcron.api.stats.rest;

/** OpenAPI descriptions of the stats operations. */
final class StatsDocs {

    static final String AGENT_ID = "Agent id (`agt_…`) or slug.";
    static final String PERIOD = "`24h`: the last 24 hours (2 UTC dates in `daily_runs`); `7d` (default) or `30d`:"
            + " the last 7 or 30 UTC calendar days, today included. Anything else is a 400.";
    private static final String FIGURES = " Runs belong to the period by the time they were queued. `success_rate` is"
            + " computed over finished runs (success, error, timed_out, budget_exceeded, cancelled): skipped runs count"
            + " in `total_runs` but never in the rate or the durations. `daily_runs` has one entry per UTC date of the"
            + " period, oldest first, dates without runs included with zeros.";
    static final String AGENT = "Totals, success rate, average and p95 duration, cost and tokens of the agent's runs"
            + " over the period." + FIGURES;
    static final String GLOBAL = "The same figures over every run of the workspace, plus its agent counts and the"
            + " agents a worker is running now." + FIGURES;

    private StatsDocs() {}
}
