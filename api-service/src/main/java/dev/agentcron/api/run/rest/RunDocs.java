package dev.agentcron.api.run.rest;

/** OpenAPI descriptions of the run operations. */
final class RunDocs {

    static final String AGENT_ID = "Agent id (`agt_…`) or slug.";
    static final String RUN_ID = "Run id (`run_…`).";
    static final String TRIGGER = "Starts a run now, outside the agent's schedules. The run is recorded at once:"
            + " `queued` (202), or `skipped` when `overlap: skip` finds another run queued or running (`status_reason:"
            + " overlap`) or the agent's `daily_limit` is used up (`daily_limit_reached`); with `overlap: buffer_one`"
            + " one run may wait (`status_reason: waiting_for_active_run`). Only `active` agents run: another status is"
            + " a 409. Send `Idempotency-Key` to retry safely.";
    static final String CANCEL_AGENT = "Cancels every queued or running run of the agent: queued ones end `cancelled`"
            + " at once, running ones become `cancelling` and end `cancelled` as soon as their worker stops them."
            + " A 404 problem when nothing is queued or running.";
    static final String HISTORY = "The agent's runs, newest first. `period`: `24h` (the last 24 hours), `7d` or `30d`"
            + " (the last 7 or 30 UTC calendar days, today included).";
    static final String GET = "The run with its steps: each model call (every attempt, failed ones too) and tool call"
            + " with model, tokens, cost, duration and outcome.";
    static final String CANCEL = "Cancels the run: a queued run ends `cancelled`, a running one becomes `cancelling`"
            + " and always ends `cancelled`, even if its worker died. A 409 when it already ended.";

    private RunDocs() {}
}
