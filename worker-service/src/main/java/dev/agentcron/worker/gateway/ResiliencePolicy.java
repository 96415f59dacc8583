package dev.agentcron.worker.gateway;

import dev.agentcron.worker.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Everything the worker decides about failing model calls, in one place:
 *
 * <ul>
 *   <li><b>Retries</b>: a retryable failure (408, 409, 429, 5xx, connection errors, timeouts, malformed
 *       responses) is tried again on the same model up to {@code agentcron.gateway.max-retries} times, after
 *       an exponential backoff with full jitter (random in [0, min(backoff-max, backoff-base * 2^n)]), or after
 *       the gateway's {@code Retry-After} when that is longer. A {@code Retry-After} above {@code
 *       retry-after-max} is not waited for: the call moves on to the next model.
 *   <li><b>Fallback</b>: when a model is exhausted, or failed with a non-retryable 4xx (400, 401, 403, 404,
 *       422, ...), the next model of the agent's chain ({@code model_fallbacks}) is tried. A 400 is often
 *       specific to one model (context length, unsupported parameter), so it falls back rather than ending
 *       the run.
 *   <li><b>Circuit breaker per model</b>: {@code circuit-failure-threshold} consecutive retryable failures
 *       open the model's circuit; while open, calls skip the model without a request. After {@code
 *       circuit-open-duration} one trial call is let through (half-open): success closes the circuit, failure
 *       opens it again. Non-retryable 4xx answers show the model is up and count as success for the circuit.
 * </ul>
 *
 * Circuits live in the worker process (each replica learns on its own).
 */
@ApplicationScoped
public class ResiliencePolicy {

    /** What to do after a failed attempt. */
    public record Decision(boolean retrySameModel, Duration delay) {
        static final Decision NEXT_MODEL = new Decision(false, Duration.ZERO);
    }

    private final GatewayConfig config;
    private final Clock clock;
    private final ConcurrentHashMap<String, Circuit> circuits = new ConcurrentHashMap<>();

    @Inject
    public ResiliencePolicy(GatewayConfig config) {
        this(config, Clock.systemUTC());
    }

    ResiliencePolicy(GatewayConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Whether {@code model}'s circuit lets a call through now; a half-open circuit lets one trial through. */
    public boolean tryAcquire(String model) {
        return circuit(model).tryAcquire(clock.instant());
    }

    /** The model answered. */
    public void onSuccess(String model) {
        circuit(model).onSuccess();
    }

    /** An attempt that was abandoned (run stopped) says nothing about the model. */
    public void onAbandoned(String model) {
        circuit(model).onAbandoned();
    }

    /** Records a failed attempt and decides whether to retry the same model or move on. */
    public Decision onFailure(String model, GatewayCallException failure, int attemptOnModel) {
        Circuit circuit = circuit(model);
        if (!failure.isRetryable()) {
            circuit.onSuccess();
            return Decision.NEXT_MODEL;
        }
        boolean open = circuit.onFailure(clock.instant(), config.circuitFailureThreshold());
        if (open || attemptOnModel > config.maxRetries()) {
            return Decision.NEXT_MODEL;
        }
        Duration wait = backoff(attemptOnModel);
        if (failure.retryAfter().isPresent()) {
            Duration asked = failure.retryAfter().get();
            if (asked.compareTo(config.retryAfterMax()) > 0) {
                return Decision.NEXT_MODEL;
            }
            wait = asked.compareTo(wait) > 0 ? asked : wait;
        }
        return new Decision(true, wait);
    }

    /** Full-jitter backoff before retry number {@code attempt} (1 = the first retry). */
    Duration backoff(int attempt) {
        long base = config.backoffBase().toMillis();
        long cap = config.backoffMax().toMillis();
        long ceiling = Math.min(cap, base << Math.min(attempt - 1, 30));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    /** Whether the model's circuit is open now (for tests and health). */
    public boolean isOpen(String model) {
        Circuit circuit = circuits.get(model);
        return circuit != null && circuit.isOpen();
    }

    private Circuit circuit(String model) {
        return circuits.computeIfAbsent(model, m -> new Circuit(config.circuitOpenDuration()));
    }

    private static final class Circuit {
        private enum State {
            CLOSED,
            OPEN,
            HALF_OPEN
        }

        private final Duration openDuration;
        private State state = State.CLOSED;
        private int consecutiveFailures;
        private Instant openedAt;
        private boolean trialInFlight;

        Circuit(Duration openDuration) {
            this.openDuration = openDuration;
        }

        synchronized boolean tryAcquire(Instant now) {
            switch (state) {
                case CLOSED:
                    return true;
                case OPEN:
                    if (now.isBefore(openedAt.plus(openDuration))) {
                        return false;
                    }
                    state = State.HALF_OPEN;
                    trialInFlight = true;
                    return true;
                default:
                    if (trialInFlight) {
                        return false;
                    }
                    trialInFlight = true;
                    return true;
            }
        }

        synchronized void onSuccess() {
            state = State.CLOSED;
            consecutiveFailures = 0;
            trialInFlight = false;
        }

        synchronized void onAbandoned() {
            trialInFlight = false;
        }

        /** Returns whether the circuit is open after this failure. */
        synchronized boolean onFailure(Instant now, int threshold) {
            consecutiveFailures++;
            trialInFlight = false;
            if (state == State.HALF_OPEN || consecutiveFailures >= threshold) {
                state = State.OPEN;
                openedAt = now;
            }
            return state == State.OPEN;
        }

        synchronized boolean isOpen() {
            return state == State.OPEN;
        }
    }
}
