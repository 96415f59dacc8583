package dev.agentcron.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One process the launcher started: its output is copied line by line to the {@link Console} under its
 * name, and it is stopped with SIGTERM, then SIGKILL (with anything it spawned) after a grace period.
 */
final class ChildProcess {

    private static final Duration OUTPUT_DRAIN = Duration.ofSeconds(2);

    private final String name;
    private final int port;
    private final Process process;
    private final Thread output;

    private ChildProcess(String name, int port, Process process, Console console) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.output = new Thread(() -> copyOutput(console), name + "-output");
        this.output.setDaemon(true);
    }

    /** Starts {@code command} in {@code directory} and copies its stdout and stderr to the console. */
    static ChildProcess start(String name, int port, List<String> command, Path directory, Console console) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new LauncherException("Cannot start " + name + " (" + command.get(0) + "): " + e.getMessage(), e);
        }
        ChildProcess child = new ChildProcess(name, port, process, console);
        child.output.start();
        return child;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit status; only meaningful once the process has ended. */
    int exitValue() {
        return process.exitValue();
    }

    /** Completes when the process has ended, whoever ended it. */
    CompletableFuture<ChildProcess> onExit() {
        return process.onExit().thenApply(ignored -> this);
    }

    /**
     * Asks the process to stop (SIGTERM) without waiting. Through its handle: {@link Process#destroy()}
     * would also close its output, losing what it logs while shutting down.
     */
    void requestStop() {
        process.toHandle().destroy();
    }

    /**
     * Waits until the process has ended or {@code grace} is over, then kills it and whatever it spawned.
     *
     * @return true when it ended by itself within the grace period
     */
    boolean awaitStop(Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        boolean ended = waitFor(grace);
        if (!ended) {
            process.toHandle().destroyForcibly();
            waitFor(Duration.ofSeconds(10));
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        drainOutput();
        return ended;
    }

    /** Waits up to {@code timeout} for the process to end; returns whether it has. */
    boolean awaitExit(Duration timeout) {
        return waitFor(timeout);
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** Lets the last lines of an ended process reach the console before the launcher goes on. */
    private void drainOutput() {
        try {
            output.join(OUTPUT_DRAIN.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void copyOutput(Console console) {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                console.line(name, line);
            }
        } catch (IOException e) {
            console.warn("Lost the output of " + name + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
