package dev.agentcron.worker.run;

import dev.agentcron.model.run.RunStatus;

/**
 * Where a run's work ended, before it is recorded.
 *
 * @param status the status to write (the row's {@code cancelling} turns it into {@code cancelled})
 * @param statusReason e.g. {@code daily_limit_reached}
 * @param output the output so far
 * @param error null on success and on cancel
 */
public record RunOutcome(RunStatus status, String statusReason, String output, RunError error) {

    public static RunOutcome success(String output) {
        return new RunOutcome(RunStatus.SUCCESS, null, output, null);
    }

    public static RunOutcome error(String code, String message, String output) {
        return new RunOutcome(RunStatus.ERROR, null, output, new RunError(code, message));
    }

    public static RunOutcome budgetExceeded(String message, String output) {
        return new RunOutcome(RunStatus.BUDGET_EXCEEDED, null, output, new RunError("budget_exceeded", message));
    }

    public static RunOutcome skipped(String reason) {
        return new RunOutcome(RunStatus.SKIPPED, reason, null, null);
    }

    public static RunOutcome cancelled(String output) {
        return new RunOutcome(RunStatus.CANCELLED, null, output, null);
    }

    public static RunOutcome timedOut(String message, String output) {
        return new RunOutcome(RunStatus.TIMED_OUT, null, output, new RunError("timed_out", message));
    }
}
