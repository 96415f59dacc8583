package dev.agentcron.worker.run;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The stop signal of one execution, fed by the engine's {@link CancellationToken}, the run timeout timer and
 * the fencing checks of every write. The first reason wins.
 */
public final class RunControl {

    /** Why an execution stopped before its work was done. */
    public enum StopReason {
        /** The user cancelled (or the run row turned {@code cancelling}). */
        CANCELLED,
        /** {@code run_timeout_seconds} elapsed. */
        TIMED_OUT,
        /** Another attempt owns the run now: stop without writing anything more. */
        LEASE_LOST
    }

    private final AtomicReference<StopReason> reason = new AtomicReference<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public void stop(StopReason why) {
        if (reason.compareAndSet(null, why)) {
            for (Runnable listener : listeners) {
                listener.run();
            }
        }
    }

    /** The reason, or null while the run goes on. */
    public StopReason reason() {
        return reason.get();
    }

    /** The failure a stopped execution ends its current step with, or null. */
    public RunStoppedException failure() {
        StopReason why = reason.get();
        return why == null ? null : new RunStoppedException(why);
    }

    /** Emits when the run stops (at once when it has); cancelling the subscription unregisters it. */
    public Uni<Void> stopped() {
        return Uni.createFrom().emitter(emitter -> {
            Runnable listener = () -> emitter.complete(null);
            listeners.add(listener);
            emitter.onTermination(() -> listeners.remove(listener));
            if (reason.get() != null) {
                emitter.complete(null);
            }
        });
    }

    /** Fails with the stop failure when stopped, else completes. */
    public Uni<Void> check() {
        RunStoppedException failure = failure();
        return failure == null ? Uni.createFrom().voidItem() : Uni.createFrom().failure(failure);
    }
}
