package dev.agentcron.api.common.error;

/** A request with the same Idempotency-Key is still being processed. */
public final class IdempotencyKeyInFlightException extends DomainException {

    public IdempotencyKeyInFlightException() {
        super("A request with this Idempotency-Key is still in progress; retry when it has finished");
    }

    @Override
    public ProblemType type() {
        return ProblemType.IDEMPOTENCY_IN_FLIGHT;
    }
}
