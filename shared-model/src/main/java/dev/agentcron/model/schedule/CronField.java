package dev.agentcron.model.schedule;

import dev.agentcron.model.schedule.CronItem.Every;
import dev.agentcron.model.schedule.CronItem.LastDayOfMonth;
import dev.agentcron.model.schedule.CronItem.LastInMonth;
import dev.agentcron.model.schedule.CronItem.LastWeekdayOfMonth;
import dev.agentcron.model.schedule.CronItem.NearestWeekday;
import dev.agentcron.model.schedule.CronItem.NthInMonth;
import dev.agentcron.model.schedule.CronItem.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The fields of a cron expression and the syntax of their entries: numbers, {@code *}, {@code ?} (day fields),
 * ranges, steps, lists, month and weekday names (case-insensitive), and the day rules {@code L}, {@code W},
 * {@code LW}, {@code nL} and {@code n#k}. Entries are converted to standard numbering as they are read.
 */
enum CronField {
    SECOND("second", 0, 59),
    MINUTE("minute", 0, 59),
    HOUR("hour", 0, 23),
    DAY_OF_MONTH("day-of-month", 1, 31),
    MONTH("month", 1, 12),
    DAY_OF_WEEK("day-of-week", 0, 6),
    YEAR("year", 1970, 2199);

    /** The two ways of numbering weekdays: standard cron (0 or 7 = Sunday) and EventBridge (1 = Sunday). */
    enum Dialect {
        STANDARD,
        AWS
    }

    private static final List<String> MONTH_NAMES =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAY_NAMES = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");

    private final String word;
    private final int min;
    private final int max;

    CronField(String word, int min, int max) {
        this.word = word;
        this.min = min;
        this.max = max;
    }

    /** The field's name in messages: {@code minute}, {@code day-of-week}, … */
    String word() {
        return word;
    }

    /** Reads a whole field: a comma-separated list of entries. */
    List<CronItem> parse(String text, Dialect dialect) {
        List<CronItem> items = new ArrayList<>();
        for (String entry : text.split(",", -1)) {
            if (entry.isEmpty()) {
                throw new CronSyntaxException(word + " has an empty list entry in '" + text + "'");
            }
            if (!entry.chars().allMatch(c -> c > ' ' && c < 127)) {
                throw new CronSyntaxException(word + " must be " + allowed(dialect) + "; got '" + entry + "'");
            }
            items.add(parseEntry(entry, dialect));
        }
        return List.copyOf(items);
    }

    /** The values an entry without day rules selects, as a bit set (bit n = value n; weekday 7 is bit 0). */
    long bits(CronItem item) {
        if (item instanceof Every every) {
            return bits(min, max, every.step());
        }
        if (item instanceof Span span) {
            return bits(span.from(), span.to(), span.step());
        }
        return 0L;
    }

    private long bits(int from, int to, int step) {
        long bits = 0;
        for (int v = from; v <= to; v += step) {
            bits |= 1L << (this == DAY_OF_WEEK ? v % 7 : v);
        }
        return bits;
    }

    /** One list entry (printable ASCII; names and the letters L, W are case-insensitive). */
    private CronItem parseEntry(String original, Dialect dialect) {
        String entry = original.toUpperCase(Locale.ROOT);
        if (this == DAY_OF_MONTH) {
            if (entry.equals("L")) {
                return new LastDayOfMonth();
            }
            if (entry.equals("LW")) {
                return new LastWeekdayOfMonth();
            }
            if (entry.endsWith("W")) {
                return new NearestWeekday(value(original.substring(0, entry.length() - 1), dialect));
            }
        }
        if (this == DAY_OF_WEEK) {
            if (entry.equals("L")) {
                return Span.single(6);
            }
            if (entry.endsWith("L")) {
                return new LastInMonth(singleWeekday(original.substring(0, entry.length() - 1), dialect));
            }
            int hash = entry.indexOf('#');
            if (hash >= 0) {
                int nth = number(original.substring(hash + 1), "the week number after '#'");
                if (nth < 1 || nth > 5) {
                    throw new CronSyntaxException("the week number after '#' must be 1–5, got " + nth);
                }
                return new NthInMonth(singleWeekday(original.substring(0, hash), dialect), nth);
            }
        }
        int slash = entry.indexOf('/');
        String base = slash < 0 ? original : original.substring(0, slash);
        int step = slash < 0 ? 1 : step(original.substring(slash + 1));
        if (base.equals("*") || base.equals("?")) {
            if (base.equals("?") && this != DAY_OF_MONTH && this != DAY_OF_WEEK) {
                throw new CronSyntaxException("'?' is only allowed in day-of-month and day-of-week");
            }
            return new Every(step);
        }
        int dash = base.indexOf('-', 1);
        if (dash > 0) {
            int from = value(base.substring(0, dash), dialect);
            int to = value(base.substring(dash + 1), dialect);
            if (from > to) {
                throw new CronSyntaxException(word + " range " + base + " runs backwards; split it into two ranges");
            }
            return from == to ? Span.single(sunday(from)) : new Span(from, to, step, false);
        }
        int from = sunday(value(base, dialect));
        if (slash < 0) {
            return Span.single(from);
        }
        return step == 1 ? new Span(from, max, 1, false) : new Span(from, max, step, true);
    }

    /** Weekday 7 is Sunday, written 0 unless it ends a range. */
    private int sunday(int value) {
        return this == DAY_OF_WEEK && value == 7 ? 0 : value;
    }

    private int singleWeekday(String token, Dialect dialect) {
        return sunday(value(token, dialect));
    }

    private int step(String token) {
        int step = number(token, word + " step");
        int limit = max - min + 1;
        if (step < 1 || step > limit) {
            throw new CronSyntaxException(word + " step must be 1–" + limit + ", got " + step);
        }
        return step;
    }

    /** A number or name of this field, converted to standard numbering. */
    private int value(String token, Dialect dialect) {
        List<String> names = this == MONTH ? MONTH_NAMES : this == DAY_OF_WEEK ? DAY_NAMES : List.of();
        int named = names.indexOf(token.toUpperCase(Locale.ROOT));
        if (named >= 0) {
            return this == MONTH ? named + 1 : named;
        }
        if (!NUMBER.matcher(token).matches()) {
            throw new CronSyntaxException(word + " must be " + allowed(dialect)
                    + ", a range (1-5), a list (1,3) or a step (*/15); got '" + token + "'");
        }
        int value = Integer.parseInt(token);
        if (this == DAY_OF_WEEK && dialect == Dialect.AWS) {
            if (value < 1 || value > 7) {
                throw new CronSyntaxException(word + " must be " + allowed(dialect) + ", got " + value);
            }
            return value - 1;
        }
        int upper = this == DAY_OF_WEEK ? 7 : max;
        if (value < min || value > upper) {
            throw new CronSyntaxException(word + " must be " + allowed(dialect) + ", got " + value);
        }
        return value;
    }

    private String allowed(Dialect dialect) {
        return switch (this) {
            case MONTH -> "1–12 or JAN–DEC";
            case DAY_OF_WEEK ->
                dialect == Dialect.AWS ? "1–7 (1 = Sunday) or SUN–SAT" : "0–7 (0 or 7 = Sunday) or SUN–SAT";
            default -> min + "–" + max;
        };
    }

    private static int number(String token, String what) {
        if (!NUMBER.matcher(token).matches()) {
            throw new CronSyntaxException(what + " must be a number, got '" + token + "'");
        }
        return Integer.parseInt(token);
    }
}
