package dev.agentcron.api.run.events;

/**
 * One message of a run's event stream as the client gets it: a run event ({@code id:} its stream id, {@code
 * data:} {@code {"event", "data"}}), a {@code : ping} comment, or the final {@code data: [DONE]}.
 */
public record SseFrame(Kind kind, String id, String data) {

    public enum Kind {
        EVENT,
        PING,
        DONE
    }

    static final SseFrame PING = new SseFrame(Kind.PING, null, null);
    static final SseFrame DONE = new SseFrame(Kind.DONE, null, "[DONE]");

    static SseFrame event(String id, String name, String dataJson) {
        return new SseFrame(Kind.EVENT, id, "{\"event\":\"" + name + "\",\"data\":" + dataJson + "}");
    }
}
