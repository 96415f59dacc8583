package dev.agentcron.api.run.events;

/** OpenAPI texts of run event streams. */
public final class RunEventDocs {

    private RunEventDocs() {}

    public static final String STREAM = """
            A `text/event-stream` of the run's events, the same for runs of every trigger. Each message has `id:` \
            (its position, usable as `Last-Event-ID`) and `data:` a JSON object `{"event": NAME, "data": {...}}`: \
            `thread.run.created` `{run_id, thread_id}`, `thread.message.delta` `{delta: {content}}`, \
            `thread.run.tool_call` `{id, name, arguments}`, `thread.run.tool_result` `{id, name, result}`, then one \
            terminal event, `thread.run.completed` `{status: "completed", usage: {input_tokens, output_tokens, \
            cost_usd}}` or `thread.run.failed` `{status: "failed", error: {code, message}}`. After it the server \
            sends `data: [DONE]` and closes. A `: ping` comment is sent every 15 s while idle.

            Reconnect with `Last-Event-ID` (on any replica) to get every later event exactly once. Disconnecting \
            never cancels the run. The events are kept at least 24 h after the run ends; later, a 410 problem.""";

    public static final String SSE_EXAMPLE = """
            id: 1767776400000-0
            data: {"event":"thread.run.created","data":{"run_id":"run_01JD7XK3M4N5P6Q7R8S9T0V1W2","thread_id":null}}

            id: 1767776400120-0
            data: {"event":"thread.message.delta","data":{"delta":{"content":"Here are "}}}

            id: 1767776400480-0
            data: {"event":"thread.run.completed","data":{"status":"completed","usage":{"input_tokens":1500,"output_tokens":800,"cost_usd":0.032}}}

            data: [DONE]

            """;

    /** A bound for the document's string schema of a stream (10,000 events of up to 10,000 characters). */
    public static final int MAX_STREAM_CHARS = 100_000_000;

    public static final String LAST_EVENT_ID =
            "Resume after this event id (the `id:` of the last event received); absent: from the start.";
}
