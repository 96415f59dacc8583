package dev.agentcron.model.schedule;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading and writing the API's timestamps (RFC 3339, UTC, milliseconds). */
final class DateTimes {

    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2})"
            + "(?::(\\d{2})(?:\\.(\\d{1,9}))?)?"
            + "([Zz]|[+-]\\d{2}:\\d{2})?");

    private static final DateTimeFormatter UTC_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);

    private DateTimes() {}

    /**
     * Reads {@code 2026-06-15T14:30:00.000Z}, {@code 2026-06-15T16:30:00+02:00}, and the lenient forms
     * {@code 2026-06-15T14:30:00} and {@code 2026-06-15T14:30} (no offset: UTC). The result is truncated to
     * milliseconds, the API's precision. Empty when the text is not such a date-time.
     */
    static Optional<Instant> parse(String text) {
        Matcher m = DATE_TIME.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            String fraction = m.group(7) == null ? "0" : (m.group(7) + "00000000").substring(0, 9);
            LocalDateTime local = LocalDateTime.of(
                    Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
                    Integer.parseInt(fraction));
            String offset = m.group(8);
            ZoneOffset zoneOffset =
                    offset == null || offset.equalsIgnoreCase("Z") ? ZoneOffset.UTC : ZoneOffset.of(offset);
            return Optional.of(local.toInstant(zoneOffset).truncatedTo(ChronoUnit.MILLIS));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** {@code 2026-06-15T14:30:00.000Z}. */
    static String format(Instant instant) {
        return UTC_MILLIS.format(instant);
    }
}
