package dev.agentcron.api.common.error;

/** The resource existed but is no longer kept: a run's events after their retention. */
public final class GoneException extends DomainException {

    public GoneException(String detail) {
        super(detail);
    }

    @Override
    public ProblemType type() {
        return ProblemType.GONE;
    }
}
