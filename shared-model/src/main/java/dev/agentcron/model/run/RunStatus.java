package dev.agentcron.model.run;

import java.util.Locale;

/**
 * The run state machine: {@code queued → running → terminal}; {@code cancelling} is transitional and always
 * ends {@code cancelled}, even when the worker holding the run died.
 */
public enum RunStatus {
    QUEUED,
    RUNNING,
    CANCELLING,
    SUCCESS,
    ERROR,
    BUDGET_EXCEEDED,
    CANCELLED,
    TIMED_OUT,
    SKIPPED;

    /** The name used in JSON and in the database ({@code budget_exceeded}). */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** No transition leaves a terminal status. */
    public boolean isTerminal() {
        return this != QUEUED && this != RUNNING && this != CANCELLING;
    }

    /** Queued, running or cancelling: counts for overlap and for "running now". */
    public boolean isActive() {
        return !isTerminal();
    }

    /** Whether a run in this status may move to {@code next}. */
    public boolean canMoveTo(RunStatus next) {
        return switch (this) {
            case QUEUED -> next == RUNNING || next == CANCELLED || next == SKIPPED || next == ERROR;
            case RUNNING -> next != QUEUED && next != RUNNING;
            case CANCELLING -> next == CANCELLED;
            default -> false;
        };
    }

    /** Finished runs count in success rates; skipped ones do not. */
    public boolean isFinished() {
        return isTerminal() && this != SKIPPED;
    }
}
