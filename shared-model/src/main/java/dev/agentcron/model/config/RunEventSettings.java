package dev.agentcron.model.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long and how much of a run's event stream Redis keeps (the worker writes it, the api-service relays it). */
@ConfigMapping(prefix = "agentcron.run-events")
public interface RunEventSettings {

    /** How long a run's event stream is kept after its terminal event. */
    @WithDefault("24h")
    Duration retention();

    /** Approximate maximum number of entries of one run's stream (XADD MAXLEN ~). */
    @WithDefault("10000")
    long maxLength();
}
