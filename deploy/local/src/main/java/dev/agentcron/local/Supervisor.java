package dev.agentcron.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Starts the service processes, waits until each answers {@code GET /q/health/ready} with 200, and notices
 * when one of them, or an embedded server they depend on, ends on its own. Closing it stops them all: SIGTERM to every process at once, SIGKILL to those
 * still running after the grace period.
 *
 * <p>With {@code keepGoing}, a service process that ends after it was ready is only reported while another
 * service process still runs (so a test can kill one worker and watch the rest take over); the end of an
 * embedded server, or of the last service process, still ends the cluster.
 */
final class Supervisor implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final Console console;
    private final ProcessLedger ledger;
    private final Path workingDirectory;
    private final String host;
    private final Duration stopGrace;
    private final boolean keepGoing;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
    private final List<ChildProcess> children = new ArrayList<>();
    /** Completes with a description of the first process that ended on its own, or empty when stopping. */
    private final CompletableFuture<String> ended = new CompletableFuture<>();

    private boolean stopping;

    Supervisor(
            Console console,
            ProcessLedger ledger,
            Path workingDirectory,
            String host,
            Duration stopGrace,
            boolean keepGoing) {
        this.console = console;
        this.keepGoing = keepGoing;
        this.ledger = ledger;
        this.workingDirectory = workingDirectory;
        this.host = host;
        this.stopGrace = stopGrace;
    }

    /** Starts one service process and reports its name, pid and port. */
    synchronized ChildProcess start(String name, int port, List<String> command) {
        if (stopping) {
            throw new StopRequested();
        }
        ChildProcess child = ChildProcess.start(name, port, command, workingDirectory, console);
        children.add(child);
        ledger.record(name, child.handle());
        console.info("started " + name + " pid=" + child.pid() + " port=" + port);
        child.onExit().thenAccept(this::exited);
        return child;
    }

    /**
     * Also treats the end of {@code process} (an embedded server the services depend on) as a failure of
     * the cluster, unless it ends because everything is stopping.
     */
    void watch(String name, ProcessHandle process) {
        process.onExit().thenRun(() -> {
            synchronized (this) {
                if (stopping) {
                    return;
                }
            }
            ended.complete(name + " (pid " + process.pid() + ") exited");
        });
    }

    private void exited(ChildProcess child) {
        boolean othersRunning;
        synchronized (this) {
            if (stopping) {
                return;
            }
            othersRunning = children.stream().anyMatch(ChildProcess::isAlive);
        }
        String reason = child + " exited with status " + child.exitValue();
        if (keepGoing && othersRunning) {
            console.warn(reason + "; --keep-going: the other processes keep running");
            return;
        }
        ended.complete(reason);
    }

    /** Waits until every one of {@code group} is ready; fails as soon as any supervised process ends. */
    void awaitReady(List<ChildProcess> group, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Set<ChildProcess> pending = new LinkedHashSet<>(group);
        while (true) {
            pending.removeIf(this::isReady);
            if (pending.isEmpty()) {
                return;
            }
            pending.stream().filter(child -> !child.isAlive()).findFirst().ifPresent(child -> {
                throw new LauncherException(
                        child + " exited with status " + child.exitValue() + " while starting (its output is above)");
            });
            if (Instant.now().isAfter(deadline)) {
                throw new LauncherException(names(pending) + " not ready after " + timeout.toSeconds()
                        + " s (GET /q/health/ready did not answer 200; see the output above)");
            }
            awaitEnd(POLL_INTERVAL).ifPresent(reason -> {
                throw new LauncherException(reason + " while starting (its output is above)");
            });
        }
    }

    /** Blocks until a supervised process ends on its own and describes it. */
    String awaitUnexpectedExit() {
        return awaitEnd(null).orElseThrow(StopRequested::new);
    }

    private Optional<String> awaitEnd(Duration timeout) {
        String reason;
        try {
            reason = timeout == null ? ended.get() : ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StopRequested();
        } catch (ExecutionException e) {
            throw new LauncherException("Watching the processes failed: " + e.getCause(), e.getCause());
        }
        if (reason.isEmpty()) {
            throw new StopRequested();
        }
        return Optional.of(reason);
    }

    private boolean isReady(ChildProcess child) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://" + host + ":" + child.port() + "/q/health/ready"))
                .timeout(PROBE_TIMEOUT)
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StopRequested();
        }
    }

    private static String names(Set<ChildProcess> children) {
        return children.stream().map(ChildProcess::name).collect(Collectors.joining(", "));
    }

    /** Stops every process: SIGTERM to all, then SIGKILL to any still running after the grace period. */
    @Override
    public void close() {
        List<ChildProcess> running;
        synchronized (this) {
            stopping = true;
            running = children.stream().filter(ChildProcess::isAlive).toList();
        }
        ended.complete("");
        if (running.isEmpty()) {
            return;
        }
        console.info("stopping " + running.stream().map(ChildProcess::name).collect(Collectors.joining(", ")));
        running.forEach(ChildProcess::requestStop);
        Instant deadline = Instant.now().plus(stopGrace);
        for (ChildProcess child : running) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (!child.awaitStop(left.isNegative() ? Duration.ZERO : left)) {
                console.warn(child + " did not stop within " + stopGrace.toSeconds() + " s: killed");
            }
        }
    }
}
