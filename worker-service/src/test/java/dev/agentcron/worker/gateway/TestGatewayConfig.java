package dev.agentcron.worker.gateway;

import dev.agentcron.worker.config.GatewayConfig;
import java.time.Duration;
import java.util.Optional;

/** Gateway settings for unit tests: short timeouts, 2 retries, circuit threshold 3. */
record TestGatewayConfig(String baseUrl, boolean stream, Duration firstByteTimeout, Duration idleTimeout)
        implements GatewayConfig {

    static TestGatewayConfig streaming(String baseUrl) {
        return new TestGatewayConfig(baseUrl, true, Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    static TestGatewayConfig plain(String baseUrl) {
        return new TestGatewayConfig(baseUrl, false, Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Override
    public Optional<String> apiKey() {
        return Optional.empty();
    }

    @Override
    public Duration connectTimeout() {
        return Duration.ofSeconds(1);
    }

    @Override
    public int maxRetries() {
        return 2;
    }

    @Override
    public Duration backoffBase() {
        return Duration.ofMillis(100);
    }

    @Override
    public Duration backoffMax() {
        return Duration.ofSeconds(2);
    }

    @Override
    public Duration retryAfterMax() {
        return Duration.ofSeconds(60);
    }

    @Override
    public int circuitFailureThreshold() {
        return 3;
    }

    @Override
    public Duration circuitOpenDuration() {
        return Duration.ofSeconds(30);
    }

    @Override
    public int maxConnections() {
        return 4;
    }

    @Override
    public int errorBodyChars() {
        return 100;
    }
}
