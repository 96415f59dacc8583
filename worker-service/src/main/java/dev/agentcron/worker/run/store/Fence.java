package dev.agentcron.worker.run.store;

/** What a fenced write found ({@code WHERE id = ? AND attempt = ? AND status IN ('running', 'cancelling')}). */
public enum Fence {
    /** Written; the run is still running. */
    HELD,
    /** Written; the run was asked to cancel. */
    CANCELLING,
    /** Not written: another attempt owns the run, or it already ended. */
    LOST
}
