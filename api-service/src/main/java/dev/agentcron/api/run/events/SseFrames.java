package dev.agentcron.api.run.events;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

/** Frames as JAX-RS server-sent events: {@code id:} and {@code data:} lines, or a {@code : ping} comment. */
public final class SseFrames {

    private SseFrames() {}

    public static Multi<OutboundSseEvent> toEvents(Sse sse, Multi<SseFrame> frames) {
        return frames.map(frame -> toEvent(sse, frame));
    }

    private static OutboundSseEvent toEvent(Sse sse, SseFrame frame) {
        OutboundSseEvent.Builder builder = sse.newEventBuilder();
        if (frame.kind() == SseFrame.Kind.PING) {
            return builder.comment(" ping").build();
        }
        if (frame.id() != null) {
            builder.id(frame.id());
        }
        // no explicit media type: RESTEasy would write it as a "content-type:" field into every event
        return builder.data(String.class, frame.data()).build();
    }
}
