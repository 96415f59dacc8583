package dev.agentcron.api.run.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How run events are relayed as server-sent events. */
@ConfigMapping(prefix = "agentcron.sse")
public interface SseConfig {

    /** A {@code : ping} comment is sent after this long without an event. */
    @WithDefault("15s")
    Duration pingInterval();

    /** Events read from Redis per step of one connection (its only buffer: the next step waits for the client). */
    @WithDefault("100")
    int batchSize();

    /**
     * Runs whose waiting connections heard nothing (no message on the run events channel) for this long have
     * their stream polled for entries, in case a message was lost; the most a lost message delays an event.
     */
    @WithDefault("3s")
    Duration safetyPoll();

    /** Streams polled per pipelined batch of the safety poll. */
    @WithDefault("500")
    int safetyPollBatch();

    /**
     * A run that ended this long ago without its terminal event in the stream (its worker died, or it was
     * cancelled before it started) ends the stream with {@code [DONE]}.
     */
    @WithDefault("30s")
    Duration terminalGrace();
}
