package dev.agentcron.model.queue;

/**
 * The events of a run, as appended to its Redis stream and relayed as SSE ({@code {"event", "data"}}).
 * Runs of every trigger publish the same events.
 */
public enum RunEventType {
    /** {@code {"run_id", "thread_id"}} */
    RUN_CREATED("thread.run.created"),
    /** {@code {"delta": {"content": "..."}}} */
    MESSAGE_DELTA("thread.message.delta"),
    /** {@code {"id", "name", "arguments": {...}}} */
    TOOL_CALL("thread.run.tool_call"),
    /** {@code {"id", "name", "result": ...}} */
    TOOL_RESULT("thread.run.tool_result"),
    /** {@code {"status": "completed", "usage": {"input_tokens", "output_tokens", "cost_usd"}}} — terminal */
    COMPLETED("thread.run.completed"),
    /** {@code {"status": "failed", "error": {"code", "message"}}} — terminal */
    FAILED("thread.run.failed");

    private final String wireName;

    RunEventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name clients see. */
    public String wireName() {
        return wireName;
    }

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED;
    }

    public static RunEventType ofWireName(String name) {
        for (RunEventType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown run event " + name);
    }
}
