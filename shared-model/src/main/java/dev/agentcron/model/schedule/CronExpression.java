package dev.agentcron.model.schedule;

import dev.agentcron.model.schedule.CronField.Dialect;
import dev.agentcron.model.schedule.CronItem.DayRule;
import dev.agentcron.model.schedule.CronItem.Every;
import dev.agentcron.model.schedule.CronItem.Span;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A parsed cron expression in standard form (seconds, minutes, hours, day-of-month, month, day-of-week) with
 * local date-time matching. Day-of-month and day-of-week combine as in Vixie cron: when both are restricted (
 * neither starts with {@code *} or {@code ?}) a day matches if either matches, otherwise both must match.
 */
final class CronExpression {

    private static final String STANDARD_FORM = "minute hour day-of-month month day-of-week";
    private static final String AWS_FORM = "minutes hours day-of-month month day-of-week year";

    private final List<CronItem> seconds;
    private final List<CronItem> minutes;
    private final List<CronItem> hours;
    private final List<CronItem> daysOfMonth;
    private final List<CronItem> months;
    private final List<CronItem> daysOfWeek;

    private final long secondBits;
    private final long minuteBits;
    private final long hourBits;
    private final long dayOfMonthBits;
    private final long monthBits;
    private final long dayOfWeekBits;
    private final List<DayRule> dayOfMonthRules;
    private final List<DayRule> dayOfWeekRules;
    private final boolean eitherDay;

    private CronExpression(
            List<CronItem> seconds,
            List<CronItem> minutes,
            List<CronItem> hours,
            List<CronItem> daysOfMonth,
            List<CronItem> months,
            List<CronItem> daysOfWeek) {
        this.seconds = seconds;
        this.minutes = minutes;
        this.hours = hours;
        this.daysOfMonth = daysOfMonth;
        this.months = months;
        this.daysOfWeek = daysOfWeek;
        this.secondBits = bits(CronField.SECOND, seconds);
        this.minuteBits = bits(CronField.MINUTE, minutes);
        this.hourBits = bits(CronField.HOUR, hours);
        this.dayOfMonthBits = bits(CronField.DAY_OF_MONTH, daysOfMonth);
        this.monthBits = bits(CronField.MONTH, months);
        this.dayOfWeekBits = bits(CronField.DAY_OF_WEEK, daysOfWeek);
        this.dayOfMonthRules = rules(daysOfMonth);
        this.dayOfWeekRules = rules(daysOfWeek);
        this.eitherDay = !isStar(daysOfMonth) && !isStar(daysOfWeek);
    }

    /**
     * Reads a standard expression: 5 fields ({@value #STANDARD_FORM}) or 6 with seconds first.
     *
     * @throws CronSyntaxException with a message for the user
     */
    static CronExpression parse(String text) {
        String[] fields = text.trim().split("\\s+");
        if (fields.length == 5) {
            return of(fields, 0, List.of(Span.single(0)), Dialect.STANDARD);
        }
        if (fields.length == 6) {
            return of(fields, 1, CronField.SECOND.parse(fields[0], Dialect.STANDARD), Dialect.STANDARD);
        }
        throw new CronSyntaxException("a cron expression has 5 fields (" + STANDARD_FORM
                + ") or 6 with seconds first; got " + (text.isBlank() ? 0 : fields.length));
    }

    /**
     * Reads the inside of an EventBridge {@code cron(...)}: {@value #AWS_FORM}, weekdays numbered 1 = Sunday,
     * exactly one of the day fields {@code ?}.
     *
     * @throws CronSyntaxException with a message for the user
     */
    static AwsCron parseAws(String text) {
        String[] fields = text.trim().split("\\s+");
        if (fields.length != 6) {
            throw new CronSyntaxException(
                    "cron(...) has 6 fields (" + AWS_FORM + "); got " + (text.isBlank() ? 0 : fields.length));
        }
        boolean noDayOfMonth = fields[2].equals("?");
        boolean noDayOfWeek = fields[4].equals("?");
        if (noDayOfMonth == noDayOfWeek) {
            throw new CronSyntaxException("in cron(...) exactly one of day-of-month and day-of-week must be '?', "
                    + "e.g. cron(0 9 ? * MON-FRI *) or cron(0 9 1 * ? *)");
        }
        CronExpression expression = of(fields, 0, List.of(Span.single(0)), Dialect.AWS);
        return new AwsCron(expression, CronField.YEAR.parse(fields[5], Dialect.AWS));
    }

    private static CronExpression of(String[] fields, int first, List<CronItem> seconds, Dialect dialect) {
        return new CronExpression(
                seconds,
                CronField.MINUTE.parse(fields[first], dialect),
                CronField.HOUR.parse(fields[first + 1], dialect),
                CronField.DAY_OF_MONTH.parse(fields[first + 2], dialect),
                CronField.MONTH.parse(fields[first + 3], dialect),
                CronField.DAY_OF_WEEK.parse(fields[first + 4], dialect));
    }

    /**
     * The canonical spelling: single spaces, numbers instead of names, {@code ?} as {@code *}, weekdays 0–6,
     * and no seconds field when it is {@code 0}. Parsing it gives an equal expression.
     */
    String normalized() {
        String standard =
                String.join(" ", text(minutes), text(hours), text(daysOfMonth), text(months), text(daysOfWeek));
        return seconds.equals(List.of(Span.single(0))) ? standard : text(seconds) + " " + standard;
    }

    /**
     * True when the minute or hour field holds {@code *}: such schedules follow real time across DST changes
     * (every existing wall-clock match, both passes of an overlap); others are fixed local times.
     */
    boolean followsRealTime() {
        return hasEvery(minutes) || hasEvery(hours);
    }

    /** True when some date in a full 28-year calendar cycle (leap years included) matches. */
    boolean canEverMatch() {
        LocalDateTime start = LocalDateTime.of(2001, 1, 1, 0, 0);
        return nextMatch(start, start.plusYears(28)) != null;
    }

    /** The single local date-time this expression names in {@code year}, if it names exactly one. */
    Optional<LocalDateTime> singleDateTime(int year) {
        if (!isSingle(seconds) || !isSingle(minutes) || !isSingle(hours)) {
            return Optional.empty();
        }
        if (!isSingle(daysOfMonth) || !isSingle(months) || !(daysOfWeek.equals(List.of(new Every(1))))) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.of(
                    year, value(months), value(daysOfMonth), value(hours), value(minutes), value(seconds)));
        } catch (DateTimeException e) {
            throw new CronSyntaxException("cron(...) names " + year + "-" + pad(value(months)) + "-"
                    + pad(value(daysOfMonth)) + ", which is not a date");
        }
    }

    /**
     * The first local date-time at or after {@code from} (whole seconds) that matches, or null when none does
     * up to {@code limit}. Skips by field — month, day, hour, minute, second — never second by second.
     */
    LocalDateTime nextMatch(LocalDateTime from, LocalDateTime limit) {
        LocalDateTime t = from;
        while (!t.isAfter(limit)) {
            if (!isSet(monthBits, t.getMonthValue())) {
                t = nextMonthStart(t);
                continue;
            }
            LocalDate date = t.toLocalDate();
            if (!dayMatches(date)) {
                t = date.plusDays(1).atStartOfDay();
                continue;
            }
            if (!isSet(hourBits, t.getHour())) {
                int hour = nextSet(hourBits, t.getHour() + 1, 23);
                t = hour < 0 ? date.plusDays(1).atStartOfDay() : date.atTime(hour, 0);
                continue;
            }
            if (!isSet(minuteBits, t.getMinute())) {
                int minute = nextSet(minuteBits, t.getMinute() + 1, 59);
                t = minute < 0
                        ? t.truncatedTo(ChronoUnit.HOURS).plusHours(1)
                        : t.withMinute(minute).withSecond(0);
                continue;
            }
            if (!isSet(secondBits, t.getSecond())) {
                int second = nextSet(secondBits, t.getSecond() + 1, 59);
                t = second < 0 ? t.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1) : t.withSecond(second);
                continue;
            }
            return t;
        }
        return null;
    }

    private LocalDateTime nextMonthStart(LocalDateTime t) {
        int month = nextSet(monthBits, t.getMonthValue() + 1, 12);
        return month < 0
                ? LocalDate.of(t.getYear() + 1, nextSet(monthBits, 1, 12), 1).atStartOfDay()
                : LocalDate.of(t.getYear(), month, 1).atStartOfDay();
    }

    private boolean dayMatches(LocalDate date) {
        boolean dayOfMonth = isSet(dayOfMonthBits, date.getDayOfMonth()) || anyMatches(dayOfMonthRules, date);
        boolean dayOfWeek = isSet(dayOfWeekBits, CronItem.weekday(date)) || anyMatches(dayOfWeekRules, date);
        return eitherDay ? dayOfMonth || dayOfWeek : dayOfMonth && dayOfWeek;
    }

    private static boolean anyMatches(List<DayRule> rules, LocalDate date) {
        for (DayRule rule : rules) {
            if (rule.matches(date)) {
                return true;
            }
        }
        return false;
    }

    private static long bits(CronField field, List<CronItem> items) {
        long bits = 0;
        for (CronItem item : items) {
            bits |= field.bits(item);
        }
        return bits;
    }

    private static List<DayRule> rules(List<CronItem> items) {
        return items.stream()
                .filter(DayRule.class::isInstance)
                .map(DayRule.class::cast)
                .toList();
    }

    private static boolean isStar(List<CronItem> items) {
        return items.size() == 1 && items.get(0) instanceof Every;
    }

    private static boolean hasEvery(List<CronItem> items) {
        return items.stream().anyMatch(Every.class::isInstance);
    }

    private static boolean isSingle(List<CronItem> items) {
        return items.size() == 1 && items.get(0) instanceof Span span && span.from() == span.to() && !span.openEnded();
    }

    private static int value(List<CronItem> items) {
        return ((Span) items.get(0)).from();
    }

    private static boolean isSet(long bits, int value) {
        return (bits & (1L << value)) != 0;
    }

    /** The first set bit in [from, max], or -1. */
    private static int nextSet(long bits, int from, int max) {
        if (from > max) {
            return -1;
        }
        int next = Long.numberOfTrailingZeros(bits & (-1L << from));
        return next <= max ? next : -1;
    }

    private static String text(List<CronItem> items) {
        return items.stream().map(CronItem::text).collect(Collectors.joining(","));
    }

    private static String pad(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    @Override
    public String toString() {
        return normalized();
    }

    /**
     * An EventBridge expression: its recurring part in standard form, and its year field.
     *
     * @param expression the six standard fields (seconds 0, weekdays converted to 0–6, {@code ?} as {@code *})
     * @param years the year field's entries
     */
    record AwsCron(CronExpression expression, List<CronItem> years) {

        /** True when the year field is {@code *}: the expression recurs every year. */
        boolean everyYear() {
            return years.equals(List.of(new Every(1)));
        }

        /**
         * The single local date-time a year-restricted expression names, e.g. {@code cron(30 14 15 6 ? 2026)}.
         * Empty when it recurs (more than one minute, hour, day, month or year).
         *
         * @throws CronSyntaxException when it names a date that does not exist
         */
        Optional<LocalDateTime> singleDateTime() {
            if (!isSingle(years)) {
                return Optional.empty();
            }
            return expression.singleDateTime(value(years));
        }
    }
}
