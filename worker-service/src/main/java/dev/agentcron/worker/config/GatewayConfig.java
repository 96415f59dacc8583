package dev.agentcron.worker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The OpenAI-compatible model gateway and how the worker calls it: timeouts, retries, circuit breakers. */
@ConfigMapping(prefix = "agentcron.gateway")
public interface GatewayConfig {

    /** Base URL of the gateway's OpenAI API, ending in {@code /v1}; requests go to {@code <base-url>/chat/completions}. */
    @WithDefault("http://127.0.0.1:8089/v1")
    String baseUrl();

    /** API key sent as {@code Authorization: Bearer <key>}; none when unset. */
    Optional<String> apiKey();

    /** Whether model calls stream (SSE with {@code stream_options.include_usage}); false uses plain JSON responses. */
    @WithDefault("true")
    boolean stream();

    /** Time allowed to open a TCP (and TLS) connection to the gateway. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Time allowed between sending a request and receiving the response headers. */
    @WithDefault("60s")
    Duration firstByteTimeout();

    /** Longest silence allowed between two chunks of a response body. */
    @WithDefault("30s")
    Duration idleTimeout();

    /** Retries of one model after its first failed attempt (429, 5xx, 408, 409, connection errors, timeouts). */
    @WithDefault("2")
    int maxRetries();

    /** Base of the exponential backoff: attempt n waits a random time in [0, min(backoff-max, base * 2^n)]. */
    @WithDefault("500ms")
    Duration backoffBase();

    /** Upper bound of one backoff wait before jitter. */
    @WithDefault("20s")
    Duration backoffMax();

    /** Longest {@code Retry-After} honoured; a longer one moves on to the next model instead of waiting. */
    @WithDefault("60s")
    Duration retryAfterMax();

    /** Consecutive failed attempts of one model that open its circuit. */
    @WithDefault("5")
    int circuitFailureThreshold();

    /** How long an open circuit skips its model before one trial call is let through (half-open). */
    @WithDefault("30s")
    Duration circuitOpenDuration();

    /** Maximum pooled HTTP connections to the gateway. */
    @WithDefault("64")
    int maxConnections();

    /** Characters of an error response body kept in the step's error message. */
    @WithDefault("500")
    int errorBodyChars();
}
