package dev.agentcron.api.run.service;

import dev.agentcron.api.common.error.FieldError;
import dev.agentcron.api.common.error.InvalidRequestException;
import dev.agentcron.model.run.RunStatus;
import dev.agentcron.model.run.Trigger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Filters of a run history: {@code period} ({@code 24h}: the last 24 hours; {@code 7d}/{@code 30d}: the last 7
 * or 30 UTC calendar days, today included — the same periods as the stats), {@code status}, {@code trigger}.
 */
public record RunFilter(Instant since, String status, String trigger) {

    /** Validated filters; every invalid one is reported. */
    public static RunFilter of(String period, String status, String trigger, Clock clock) {
        List<FieldError> errors = new ArrayList<>();
        Instant since = null;
        if (period != null) {
            since = switch (period) {
                case "24h" -> clock.instant().minus(Duration.ofHours(24));
                case "7d" -> startOfUtcDay(clock, 6);
                case "30d" -> startOfUtcDay(clock, 29);
                default -> {
                    errors.add(new FieldError("period", "must be 24h, 7d or 30d"));
                    yield null;
                }
            };
        }
        if (status != null && !isStatus(status)) {
            errors.add(new FieldError(
                    "status",
                    "must be one of queued, running, cancelling, success, error, budget_exceeded, cancelled,"
                            + " timed_out, skipped"));
        }
        if (trigger != null && !isTrigger(trigger)) {
            errors.add(new FieldError("trigger", "must be one of schedule, manual, event, chat"));
        }
        InvalidRequestException.throwIfAny(errors);
        return new RunFilter(since, status, trigger);
    }

    private static Instant startOfUtcDay(Clock clock, int daysBack) {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC))
                .minusDays(daysBack)
                .atStartOfDay()
                .toInstant(ZoneOffset.UTC);
    }

    private static boolean isStatus(String value) {
        for (RunStatus status : RunStatus.values()) {
            if (status.value().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTrigger(String value) {
        for (Trigger trigger : Trigger.values()) {
            if (trigger.value().equals(value.toLowerCase(Locale.ROOT))
                    && trigger.value().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
