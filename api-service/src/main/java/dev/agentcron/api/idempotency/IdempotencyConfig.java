package dev.agentcron.api.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long Idempotency-Key answers are kept. */
@ConfigMapping(prefix = "agentcron.idempotency")
public interface IdempotencyConfig {

    /** How long the first response of a key is replayed. */
    @WithDefault("24h")
    Duration retention();

    /** How long a key stays claimed by a request in flight (frees keys of crashed replicas). */
    @WithDefault("60s")
    Duration inFlightTimeout();

    /** Longest accepted Idempotency-Key header value. */
    @WithDefault("255")
    int maxKeyLength();
}
