package dev.agentcron.api.common.error;

/** The request contradicts the current state: a duplicate name or slug, a transition that is not allowed. */
public final class ConflictException extends DomainException {

    public ConflictException(String detail) {
        super(detail);
    }

    @Override
    public ProblemType type() {
        return ProblemType.CONFLICT;
    }
}
