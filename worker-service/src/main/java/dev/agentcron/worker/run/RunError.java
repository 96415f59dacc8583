package dev.agentcron.worker.run;

/**
 * A run's {@code error}: {@code {"code", "message"}}.
 *
 * @param code machine-readable: {@code gateway_unavailable}, {@code gateway_rejected}, {@code
 *     max_turns_reached}, {@code budget_exceeded}, {@code timed_out}, {@code internal_error}, ...
 * @param message for humans; never a stack trace or a secret
 */
public record RunError(String code, String message) {}
