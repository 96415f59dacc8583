package dev.agentcron.worker.run.store;

import dev.agentcron.model.run.RunStatus;

/**
 * The end of a run as written.
 *
 * @param status the final status ({@code cancelled} when the row was {@code cancelling})
 * @param durationMs from {@code started_at} to now
 */
public record FinishedRun(RunStatus status, long durationMs) {}
