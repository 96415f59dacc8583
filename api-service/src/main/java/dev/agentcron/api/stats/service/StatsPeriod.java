package dev.agentcron.api.stats.service;

import dev.agentcron.api.common.error.InvalidRequestException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The window of a stats request: {@code 24h} is the last 24 hours (its runs fall on 2 UTC dates), {@code 7d}
 * (default) and {@code 30d} are the last 7 or 30 UTC calendar days, today included. {@code daily_runs} holds
 * one entry per date from {@link #firstDay()} to {@link #lastDay()}.
 */
public record StatsPeriod(String name, Instant since, LocalDate firstDay, LocalDate lastDay) {

    public static final String DEFAULT = "7d";

    /** The period named {@code period} (null: {@value #DEFAULT}) as of the clock's instant; else a 400. */
    public static StatsPeriod of(String period, Clock clock) {
        String name = period == null ? DEFAULT : period;
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return switch (name) {
            case "24h" -> {
                Instant since = now.minus(Duration.ofHours(24));
                yield new StatsPeriod(name, since, LocalDate.ofInstant(since, ZoneOffset.UTC), today);
            }
            case "7d" -> days(name, today, 7);
            case "30d" -> days(name, today, 30);
            default -> throw InvalidRequestException.of("period", "must be 24h, 7d or 30d");
        };
    }

    private static StatsPeriod days(String name, LocalDate today, int days) {
        LocalDate first = today.minusDays(days - 1L);
        return new StatsPeriod(name, first.atStartOfDay().toInstant(ZoneOffset.UTC), first, today);
    }
}
