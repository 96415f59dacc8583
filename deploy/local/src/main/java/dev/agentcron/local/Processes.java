package dev.agentcron.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for processes that are not the launcher's own children (the embedded postmaster, leftovers). */
final class Processes {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private Processes() {}

    /**
     * Whether {@code process} still runs. A process that has ended but was not reaped yet (a zombie, as the
     * postmaster is for a moment once {@code pg_ctl} has left it to init) counts as ended.
     */
    static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String text = Files.readString(stat, StandardCharsets.US_ASCII);
            char state = text.charAt(text.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return process.isAlive();
        }
    }

    /** Waits up to {@code timeout} for {@code process} to end; returns whether it has. */
    static boolean awaitEnd(ProcessHandle process, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (isRunning(process)) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            try {
                process.onExit().get(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // still running (or a zombie): look again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !isRunning(process);
            }
        }
        return true;
    }

    /** SIGTERM, then SIGKILL if it has not ended after {@code grace}; returns whether it ended by itself. */
    static boolean stop(ProcessHandle process, Duration grace) {
        process.destroy();
        if (awaitEnd(process, grace)) {
            return true;
        }
        process.destroyForcibly();
        awaitEnd(process, Duration.ofSeconds(10));
        return false;
    }
}
