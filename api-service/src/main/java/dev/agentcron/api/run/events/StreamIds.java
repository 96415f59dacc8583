package dev.agentcron.api.run.events;

import java.util.regex.Pattern;

/** Redis stream entry ids ({@code <ms>-<seq>}), the SSE event ids of run events. */
final class StreamIds {

    static final String START = "0-0";
    private static final Pattern ID = Pattern.compile("^\\d{1,19}-\\d{1,19}$");

    private StreamIds() {}

    static boolean valid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** Orders two valid ids as Redis does. */
    static int compare(String a, String b) {
        int dashA = a.indexOf('-');
        int dashB = b.indexOf('-');
        int byMillis = Long.compareUnsigned(
                Long.parseUnsignedLong(a.substring(0, dashA)), Long.parseUnsignedLong(b.substring(0, dashB)));
        if (byMillis != 0) {
            return byMillis;
        }
        return Long.compareUnsigned(
                Long.parseUnsignedLong(a.substring(dashA + 1)), Long.parseUnsignedLong(b.substring(dashB + 1)));
    }
}
