package dev.agentcron.model.schedule;

import java.util.Locale;
import java.util.Optional;

/** The kinds of schedule, as the API's {@code kind} field names them. */
public enum ScheduleKind {
    /** A cron expression (5 fields, or 6 with seconds first) in the schedule's time zone. */
    CRON,
    /** Fixed local times of day ({@code ["09:00","17:00"]}) in the schedule's time zone. */
    DAILY,
    /** Every N minutes, at multiples of N since the Unix epoch. */
    INTERVAL,
    /** One instant. */
    ONCE,
    /** Never fires on its own; runs only when triggered. */
    MANUAL;

    /** The API spelling: {@code cron}, {@code daily}, {@code interval}, {@code once}, {@code manual}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind an API spelling names (case-insensitive), if any. */
    public static Optional<ScheduleKind> fromWireName(String name) {
        for (ScheduleKind kind : values()) {
            if (kind.wireName().equalsIgnoreCase(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
