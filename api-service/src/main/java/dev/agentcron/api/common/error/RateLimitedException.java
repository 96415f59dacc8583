package dev.agentcron.api.common.error;

/** The caller's API key has no request left in its bucket. */
public final class RateLimitedException extends DomainException {

    private final long retryAfterSeconds;

    public RateLimitedException(long retryAfterSeconds) {
        super("Too many requests for this API key; retry after " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public ProblemType type() {
        return ProblemType.RATE_LIMITED;
    }
}
