package dev.agentcron.api.common.error;

/**
 * An expected failure a service reports in domain terms; {@link ProblemMapper} turns each kind into its
 * problem document. No stack trace: these are answers, not bugs.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message, null, false, false);
    }

    /** The kind of problem this failure is. */
    public abstract ProblemType type();
}
