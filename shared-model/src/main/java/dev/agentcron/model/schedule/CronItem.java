package dev.agentcron.model.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * One entry of a cron field's comma-separated list, already converted to standard numbering (months 1–12,
 * days of week 0–6 with 0 = Sunday; 7 is kept only as the end of a range). {@link #text()} is its normalized
 * spelling, which parses back to an equal item.
 */
sealed interface CronItem {

    /** The normalized spelling of this entry. */
    String text();

    /** {@code *} or {@code *}{@code /step}: every value of the field, or every step-th from the first. */
    record Every(int step) implements CronItem {
        @Override
        public String text() {
            return step == 1 ? "*" : "*/" + step;
        }
    }

    /**
     * A value ({@code 5}), a range ({@code 1-5}), a stepped range ({@code 1-20/5}) or a stepped start
     * ({@code 5/15}, open-ended up to the field's maximum).
     */
    record Span(int from, int to, int step, boolean openEnded) implements CronItem {

        static Span single(int value) {
            return new Span(value, value, 1, false);
        }

        @Override
        public String text() {
            if (openEnded) {
                return from + "/" + step;
            }
            String range = from == to ? Integer.toString(from) : from + "-" + to;
            return step == 1 ? range : range + "/" + step;
        }
    }

    /** A day rule that depends on the month and the weekday, not only on the day number. */
    sealed interface DayRule extends CronItem {
        boolean matches(LocalDate date);
    }

    /** {@code L} in day-of-month: the last day of the month. */
    record LastDayOfMonth() implements DayRule {
        @Override
        public String text() {
            return "L";
        }

        @Override
        public boolean matches(LocalDate date) {
            return date.getDayOfMonth() == date.lengthOfMonth();
        }
    }

    /** {@code LW}: the last weekday (Monday–Friday) of the month. */
    record LastWeekdayOfMonth() implements DayRule {
        @Override
        public String text() {
            return "LW";
        }

        @Override
        public boolean matches(LocalDate date) {
            LocalDate last = date.with(TemporalAdjusters.lastDayOfMonth());
            while (isWeekend(last)) {
                last = last.minusDays(1);
            }
            return last.equals(date);
        }
    }

    /**
     * {@code 15W}: the weekday nearest to the given day, without leaving the month (Quartz and EventBridge
     * semantics); no match in a month that lacks the day.
     */
    record NearestWeekday(int day) implements DayRule {
        @Override
        public String text() {
            return day + "W";
        }

        @Override
        public boolean matches(LocalDate date) {
            if (day > date.lengthOfMonth()) {
                return false;
            }
            LocalDate target = date.withDayOfMonth(day);
            if (target.getDayOfWeek() == DayOfWeek.SATURDAY) {
                target = day == 1 ? target.plusDays(2) : target.minusDays(1);
            } else if (target.getDayOfWeek() == DayOfWeek.SUNDAY) {
                target = day == date.lengthOfMonth() ? target.minusDays(2) : target.plusDays(1);
            }
            return target.equals(date);
        }
    }

    /** {@code 5L} in day-of-week: the last such weekday of the month (here the last Friday). */
    record LastInMonth(int dayOfWeek) implements DayRule {
        @Override
        public String text() {
            return dayOfWeek + "L";
        }

        @Override
        public boolean matches(LocalDate date) {
            return weekday(date) == dayOfWeek && date.plusDays(7).getMonth() != date.getMonth();
        }
    }

    /** {@code 1#2} in day-of-week: the nth such weekday of the month (here the second Monday). */
    record NthInMonth(int dayOfWeek, int nth) implements DayRule {
        @Override
        public String text() {
            return dayOfWeek + "#" + nth;
        }

        @Override
        public boolean matches(LocalDate date) {
            return weekday(date) == dayOfWeek && (date.getDayOfMonth() - 1) / 7 + 1 == nth;
        }
    }

    /** The cron number of a date's weekday: 0 = Sunday … 6 = Saturday. */
    static int weekday(LocalDate date) {
        return date.getDayOfWeek().getValue() % 7;
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
