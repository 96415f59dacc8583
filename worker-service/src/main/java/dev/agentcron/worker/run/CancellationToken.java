package dev.agentcron.worker.run;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Tells a running execution to stop. The scheduling engine cancels it when a user cancels the run ({@code
 * POST /runs/{id}/cancel}, agent delete) or when the worker lost the run's lease; {@link RunExecutor} then
 * abandons the model call or wait in flight and ends the run {@code cancelled} (output so far kept). The
 * first reason wins; later calls are ignored. Thread-safe.
 */
public final class CancellationToken {

    private static final Logger LOG = Logger.getLogger(CancellationToken.class);

    private final AtomicReference<String> reason = new AtomicReference<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** Cancels; runs every registered listener once (on the calling thread). */
    public void cancel(String why) {
        if (reason.compareAndSet(null, why == null ? "cancelled" : why)) {
            for (Runnable listener : listeners) {
                notify(listener);
            }
            listeners.clear();
        }
    }

    public boolean isCancelled() {
        return reason.get() != null;
    }

    /** Why it was cancelled, or null. */
    public String reason() {
        return reason.get();
    }

    /**
     * Runs {@code listener} when the token is cancelled, at once when it already is. Returns a handle that
     * unregisters the listener.
     */
    public Runnable onCancel(Runnable listener) {
        listeners.add(listener);
        if (isCancelled() && listeners.remove(listener)) {
            notify(listener);
        }
        return () -> listeners.remove(listener);
    }

    private static void notify(Runnable listener) {
        try {
            listener.run();
        } catch (RuntimeException e) {
            LOG.warn("A cancellation listener failed", e);
        }
    }
}
