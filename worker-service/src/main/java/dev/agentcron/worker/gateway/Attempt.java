package dev.agentcron.worker.gateway;

import java.time.Instant;

/**
 * One attempt of a model call as the run records it (a {@code model_call} step).
 *
 * @param model the model asked
 * @param number 1 for the first attempt on this model, 2 for its first retry, ...
 * @param startedAt when the attempt began
 * @param durationMs how long it took
 * @param outcome what happened
 * @param completion the answer, for {@link Outcome#SUCCESS}
 * @param usage tokens the attempt cost (reported, or estimated for attempts that broke off mid-response)
 * @param usageEstimated whether {@code usage} is an estimate
 * @param failure what went wrong, for failed attempts
 */
public record Attempt(
        String model,
        int number,
        Instant startedAt,
        long durationMs,
        Outcome outcome,
        Completion completion,
        Usage usage,
        boolean usageEstimated,
        GatewayCallException failure) {

    /** The {@code outcome} of a {@code model_call} step. */
    public enum Outcome {
        /** The model answered. */
        SUCCESS("success"),
        /** Failed; the same model is tried again. */
        RETRY("retry"),
        /** Failed; the call moves on to the next model, or fails when none is left. */
        ERROR("error"),
        /** Not sent: the model's circuit is open. */
        CIRCUIT_OPEN("circuit_open"),
        /** Abandoned because the run stopped (cancelled, timed out, lease lost). */
        CANCELLED("cancelled");

        private final String value;

        Outcome(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }
}
