package dev.agentcron.api.agent.rest;

/** OpenAPI descriptions of the agent operations. */
final class AgentDocs {

    static final String ID = "Agent id (`agt_…`) or slug.";
    static final String SORT = "Sort field: `name` (default), `created_at`, `updated_at`, `status`, `last_run_at`;"
            + " prefix `-` for descending. Anything else is a 400.";
    static final String LIST =
            "The workspace's agents with their primary schedule, counters (`outputs_today`: artifacts"
                    + " the agent's runs created today UTC; `runs_today`: runs queued today UTC except skipped ones),"
                    + " subscriptions and next occurrences. Filters combine with AND.";
    static final String CREATE = "Creates an agent. Required: `name` and at least one of `prompt`, `system_prompt`,"
            + " `goals`; everything else has a default. `schedule` is the primary schedule (object or string;"
            + " a string uses the body's `timezone`); seed 004's `behaviors.schedules` add further schedules whose"
            + " runs get the entry's `envelope` as input. Write-only aliases: `enabled` (true → active, false →"
            + " paused) and `timezone`. Unknown or read-only properties are a 400, every invalid field is listed."
            + " A duplicate name (case-insensitive) or slug is a 409. Send `Idempotency-Key` to retry safely.";
    static final String CHECK_NAME = "Whether `name` can be used for an agent: `reason` is `invalid` (blank or longer"
            + " than 100 characters) or `duplicate` (with `conflict_id`).";
    static final String UPDATE = "Partial update: only the fields present change. `model` and `limits` merge field by"
            + " field and a field set to null returns to its default; `schedule: null` removes the primary schedule"
            + " and a value replaces it, keeping its id; a top-level `timezone` alone moves the primary schedule to"
            + " that zone. Changing a schedule, the status or a time zone re-schedules the agent.";
    static final String DELETE = "Deletes the agent for good: it is unscheduled, and its schedules, runs, threads,"
            + " artifacts and subscriptions are deleted with it.";

    private AgentDocs() {}
}
