package dev.agentcron.api.event.rest;

/** OpenAPI descriptions of the subscription and event operations. */
final class EventDocs {

    static final String AGENT_ID = "Agent id (`agt_…`) or slug.";
    static final String SUBSCRIPTION_ID = "Subscription id (`sub_…`).";
    static final String LIST = "The agent's event subscriptions, oldest first.";
    static final String CREATE = "Subscribes the agent to events whose topic matches `topic` and whose data passes"
            + " `filter`; each match runs the agent (if active) with `input_mapping` rendered against the event."
            + " Invalid patterns (`>` not last, empty tokens), placeholders outside `event` and filters that are not"
            + " flat objects are a 400 naming the field. Send `Idempotency-Key` to retry safely.";
    static final String UPDATE = "The fields given replace the stored ones (`input_mapping: null` removes the mapping)."
            + " The change applies to the next event on every replica.";
    static final String DELETE = "Deletes the subscription.";
    static final String PUBLISH = "Publishes an event in the caller's workspace. Each enabled subscription of an"
            + " active agent whose topic pattern matches `topic` and whose `filter` matches `data` records a run"
            + " (`trigger: event`, `event_id`, the mapped `input`): `queued`, or `skipped` when the agent's `overlap`"
            + " or `daily_limit` refuses it. `matched` counts those runs. A repeated client `id` within 24 hours"
            + " matches nothing again and returns the first answer; `Idempotency-Key` is honoured too.";

    private EventDocs() {}
}
