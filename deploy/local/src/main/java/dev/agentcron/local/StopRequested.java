package dev.agentcron.local;

/** Thrown in the launcher's main thread when a signal started the shutdown: nothing left to report. */
final class StopRequested extends RuntimeException {

    StopRequested() {
        super("The launcher is stopping", null, false, false);
    }
}
