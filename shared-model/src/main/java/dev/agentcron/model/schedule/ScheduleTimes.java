package dev.agentcron.model.schedule;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a schedule fires: occurrences (before jitter) and each occurrence's deterministic jitter. Pure
 * functions of the {@link ScheduleSpec}, so the API's previews, the ticker of every worker replica and every
 * restart agree.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>{@code interval}: multiples of {@code every_minutes} since the Unix epoch, whatever the time zone.
 *   <li>{@code once}: its {@code at}. {@code manual}: never.
 *   <li>{@code cron} whose minute or hour field holds {@code *} ({@code *}{@code /5 * * * *}, {@code 0 * * *
 *       *}): real time — every instant whose wall-clock time in the zone matches, so nothing in a DST gap and
 *       both passes of an overlap.
 *   <li>other {@code cron} and {@code daily}: fixed local times — a time that falls in a DST gap fires once at
 *       the end of the gap (the transition instant, e.g. 03:00 EDT for 02:30 on 2026-03-08 in New York), all
 *       such times of one gap together once; a time that occurs twice fires at its first occurrence only.
 *   <li>No occurrence before {@code start_at} or after {@code end_at}; one exactly at {@code end_at} fires.
 *   <li>Disabled schedules are computed like enabled ones: the caller decides.
 * </ul>
 *
 * <p>The search skips by field and looks at most {@value #HORIZON_YEARS} years ahead (a whole 28-year
 * calendar cycle, so a rare match such as the fifth Monday of a February is still found).
 */
public final class ScheduleTimes {

    static final int HORIZON_YEARS = 29;

    /** Parsed expressions by text: parsing costs more than a search, and few distinct expressions exist. */
    private static final Map<String, CronExpression> PARSED = new ConcurrentHashMap<>();

    private static final int MAX_PARSED = 10_000;

    private ScheduleTimes() {}

    /**
     * The first occurrence at or after {@code from}, before jitter.
     *
     * @return the occurrence, or null when there is none (manual; once already past; past {@code end_at};
     *     a cron expression with no match within the horizon)
     */
    public static Instant next(ScheduleSpec spec, Instant from) {
        Instant lower = spec.startAt() != null && spec.startAt().isAfter(from) ? spec.startAt() : from;
        Instant next =
                switch (spec.kind()) {
                    case CRON -> nextCron(parsed(spec.cron()), spec.timezone(), lower);
                    case DAILY -> nextWallClock(new DailyTimes(spec.times()), spec.timezone(), lower);
                    case INTERVAL -> nextInterval(spec.everyMinutes(), lower);
                    case ONCE -> spec.at().isBefore(lower) ? null : spec.at();
                    case MANUAL -> null;
                };
        return next == null || spec.endAt() != null && next.isAfter(spec.endAt()) ? null : next;
    }

    /**
     * The next {@code count} occurrences at or after {@code from}, strictly increasing; fewer when the schedule
     * ends sooner.
     */
    public static List<Instant> next(ScheduleSpec spec, Instant from, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        List<Instant> occurrences = new ArrayList<>(count);
        Instant cursor = from;
        while (occurrences.size() < count) {
            Instant next = next(spec, cursor);
            if (next == null) {
                break;
            }
            occurrences.add(next);
            cursor = next.plusNanos(1);
        }
        return occurrences;
    }

    /**
     * How long after {@code occurrence} its run is enqueued: a deterministic amount in [0, {@code
     * jitter_seconds}] seconds, in whole milliseconds, from the 64-bit FNV-1a hash of {@code scheduleId + "@" +
     * occurrence epoch second}, so every replica computes the same delay. The run's {@code scheduled_for} stays
     * {@code occurrence}.
     */
    public static Duration jitter(ScheduleSpec spec, String scheduleId, Instant occurrence) {
        if (spec.jitterSeconds() == 0) {
            return Duration.ZERO;
        }
        long hash = fnv1a64(scheduleId + "@" + occurrence.getEpochSecond());
        return Duration.ofMillis(Long.remainderUnsigned(hash, spec.jitterSeconds() * 1000L + 1));
    }

    /**
     * The instant a fixed local date-time denotes in a zone: the first occurrence when it occurs twice, the end
     * of the gap when it does not exist.
     */
    static Instant firstInstantOf(LocalDateTime local, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            return rules.getTransition(local).getInstant();
        }
        Instant first = local.toInstant(offsets.get(0));
        for (ZoneOffset offset : offsets) {
            Instant candidate = local.toInstant(offset);
            if (candidate.isBefore(first)) {
                first = candidate;
            }
        }
        return first;
    }

    /** The parsed form of a cron expression, shared while it is in use. */
    static CronExpression parsed(String cron) {
        CronExpression expression = PARSED.get(cron);
        if (expression == null) {
            if (PARSED.size() >= MAX_PARSED) {
                PARSED.clear();
            }
            expression = CronExpression.parse(cron);
            PARSED.put(cron, expression);
        }
        return expression;
    }

    private static Instant nextCron(CronExpression cron, ZoneId zone, Instant from) {
        LocalSequence matches = cron::nextMatch;
        return cron.followsRealTime() ? nextRealTime(matches, zone, from) : nextWallClock(matches, zone, from);
    }

    /** The first instant at or after {@code from} whose wall-clock time matches, walking offset by offset. */
    private static Instant nextRealTime(LocalSequence matches, ZoneId zone, Instant from) {
        ZoneRules rules = zone.getRules();
        LocalDateTime limit = LocalDateTime.ofInstant(from, zone).plusYears(HORIZON_YEARS);
        Instant cursor = from;
        while (true) {
            ZoneOffset offset = rules.getOffset(cursor);
            LocalDateTime match = matches.firstAtOrAfter(ceilToSecond(LocalDateTime.ofInstant(cursor, offset)), limit);
            if (match == null) {
                return null;
            }
            Instant instant = match.toInstant(offset);
            ZoneOffsetTransition transition = rules.nextTransition(cursor);
            if (transition == null || instant.isBefore(transition.getInstant())) {
                return instant;
            }
            cursor = transition.getInstant();
        }
    }

    /** The first matching local time, mapped by {@link #firstInstantOf}, that is at or after {@code from}. */
    private static Instant nextWallClock(LocalSequence matches, ZoneId zone, Instant from) {
        ZoneRules rules = zone.getRules();
        LocalDateTime start = ceilToSecond(LocalDateTime.ofInstant(from, zone));
        LocalDateTime limit = start.plusYears(HORIZON_YEARS);
        ZoneOffsetTransition transition = rules.previousTransition(from.plusNanos(1));
        if (transition != null) {
            boolean atGapEnd = transition.isGap() && transition.getInstant().equals(from);
            boolean inSecondPass = transition.isOverlap() && start.isBefore(transition.getDateTimeBefore());
            if (atGapEnd || inSecondPass) {
                // Times of the gap map to its end; times of the overlap's first pass lie before from.
                start = transition.getDateTimeBefore();
            }
        }
        LocalDateTime match = matches.firstAtOrAfter(start, limit);
        while (match != null) {
            Instant instant = firstInstantOf(match, zone);
            if (!instant.isBefore(from)) {
                return instant;
            }
            match = matches.firstAtOrAfter(match.plusSeconds(1), limit);
        }
        return null;
    }

    private static Instant nextInterval(int everyMinutes, Instant from) {
        long period = everyMinutes * 60L;
        long seconds = from.getEpochSecond() + (from.getNano() > 0 ? 1 : 0);
        return Instant.ofEpochSecond(Math.floorDiv(seconds + period - 1, period) * period);
    }

    private static LocalDateTime ceilToSecond(LocalDateTime time) {
        return time.getNano() == 0 ? time : time.withNano(0).plusSeconds(1);
    }

    private static long fnv1a64(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** Local date-times in increasing order: a cron expression's matches or a daily schedule's times. */
    @FunctionalInterface
    private interface LocalSequence {
        /** The first element at or after {@code from} (whole seconds), or null when none up to {@code limit}. */
        LocalDateTime firstAtOrAfter(LocalDateTime from, LocalDateTime limit);
    }

    /** A daily schedule's times on every date. */
    private record DailyTimes(List<LocalTime> times) implements LocalSequence {
        @Override
        public LocalDateTime firstAtOrAfter(LocalDateTime from, LocalDateTime limit) {
            LocalDate date = from.toLocalDate();
            for (LocalTime time : times) {
                if (!time.isBefore(from.toLocalTime())) {
                    return date.atTime(time);
                }
            }
            LocalDateTime next = date.plusDays(1).atTime(times.get(0));
            return next.isAfter(limit) ? null : next;
        }
    }
}
