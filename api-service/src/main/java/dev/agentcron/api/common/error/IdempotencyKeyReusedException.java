package dev.agentcron.api.common.error;

/** An Idempotency-Key was used before with a different request. */
public final class IdempotencyKeyReusedException extends DomainException {

    public IdempotencyKeyReusedException() {
        super("This Idempotency-Key was used with a different request in the last 24 hours");
    }

    @Override
    public ProblemType type() {
        return ProblemType.IDEMPOTENCY_MISMATCH;
    }
}
