package dev.agentcron.worker.gateway;

import io.smallrye.mutiny.Uni;

/** What a run plugs into {@link ModelCaller}: budget checks, streaming, step recording and its stop signal. */
public interface CallHooks {

    /** Runs before every attempt; a failure (e.g. the budget's) ends the call with that failure. */
    Uni<Void> beforeAttempt(String model, ChatRequest request);

    /** A streamed content delta (event-loop thread: must not block). */
    void onDelta(String text);

    /** Records an attempt, whatever its outcome, and a model skipped by its open circuit. */
    Uni<Void> afterAttempt(Attempt attempt);

    /** Emits an item when the run must stop; the attempt or wait in flight is then abandoned. */
    Uni<Void> stopped();

    /** The failure a stopped call ends with, or null while the run goes on. */
    Throwable stopFailure();
}
