package dev.agentcron.worker.run;

/** The run was stopped from outside its loop: cancelled, timed out, or its lease was lost. */
public class RunStoppedException extends RuntimeException {

    private final RunControl.StopReason reason;

    public RunStoppedException(RunControl.StopReason reason) {
        super("run stopped: " + reason.name().toLowerCase(java.util.Locale.ROOT), null, false, false);
        this.reason = reason;
    }

    public RunControl.StopReason reason() {
        return reason;
    }
}
