package dev.agentcron.worker.queue;

import dev.agentcron.worker.run.CancellationToken;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The runs this worker holds a lease on right now, with the token that stops each. */
@ApplicationScoped
public class HeldRuns {

    /** A run this worker claimed, at the attempt its writes are fenced with. */
    public record Held(String runId, int attempt, CancellationToken token) {}

    private final Map<String, Held> held = new ConcurrentHashMap<>();

    public void hold(Held run) {
        held.put(run.runId(), run);
    }

    public void release(String runId) {
        held.remove(runId);
        synchronized (this) {
            notifyAll();
        }
    }

    /** Waits (on a non-event-loop thread) until no run is held or the timeout passed; true when none is held. */
    public synchronized boolean awaitEmpty(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!held.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    public Held get(String runId) {
        return held.get(runId);
    }

    public List<Held> all() {
        return List.copyOf(held.values());
    }

    public int size() {
        return held.size();
    }

    public boolean isEmpty() {
        return held.isEmpty();
    }
}
