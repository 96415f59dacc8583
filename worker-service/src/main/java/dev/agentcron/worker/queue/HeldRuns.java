package dev.agentcron.worker.queue;

import dev.agentcron.worker.run.CancellationToken;
import jakarta.enterprise.context.ApplicationScoped;
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
