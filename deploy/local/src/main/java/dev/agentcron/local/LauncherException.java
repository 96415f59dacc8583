package dev.agentcron.local;

/** The cluster cannot be started or kept running; the message says why and what to do. */
final class LauncherException extends RuntimeException {

    LauncherException(String message) {
        super(message);
    }

    LauncherException(String message, Throwable cause) {
        super(message, cause);
    }
}
