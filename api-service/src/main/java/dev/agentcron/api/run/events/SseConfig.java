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

    /** Longest block of the shared XREAD that watches every stream with a waiting connection. */
    @WithDefault("5s")
    Duration watchBlock();

    /**
     * Pause before the next XREAD after one that returned entries, so that one round serves the streams that
     * grew meanwhile (an XREAD costs Redis one step per watched stream).
     */
    @WithDefault("5ms")
    Duration watchCoalesce();

    /**
     * How long a stream stays in the watcher's XREAD after its last waiter left (it usually comes back); 0: it
     * leaves at the next round (measured as good or better on 2 cores, see docs/benchmarks.md).
     */
    @WithDefault("0s")
    Duration watchKeepIdle();

    /** Streams watched by one XREAD at most (the rest wait for the next round). */
    @WithDefault("5000")
    int watchMaxStreams();

    /**
     * A run that ended this long ago without its terminal event in the stream (its worker died, or it was
     * cancelled before it started) ends the stream with {@code [DONE]}.
     */
    @WithDefault("30s")
    Duration terminalGrace();
}
