package dev.agentcron.api.common.error;

/** The resource does not exist in the caller's workspace (another workspace's resource included). */
public final class NotFoundException extends DomainException {

    public NotFoundException(String kind, String id) {
        super("No " + kind + " '" + id + "' in this workspace");
    }

    @Override
    public ProblemType type() {
        return ProblemType.NOT_FOUND;
    }
}
