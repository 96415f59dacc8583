package dev.agentcron.model.id;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Opaque prefixed identifiers ({@code agt_01JD...}): the prefix names the kind, the rest is a ULID —
 * 48 bits of milliseconds then 80 random bits in Crockford base32 — so ids sort by creation time.
 */
public final class Ids {

    public static final String WORKSPACE = "wsp_";
    public static final String KEY = "key_";
    public static final String AGENT = "agt_";
    public static final String SCHEDULE = "sch_";
    public static final String RUN = "run_";
    public static final String THREAD = "thr_";
    public static final String MESSAGE = "msg_";
    public static final String ARTIFACT = "art_";
    public static final String SUBSCRIPTION = "sub_";
    public static final String EVENT = "evt_";
    public static final String MEMORY = "mem_";

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Clock CLOCK = Clock.systemUTC();

    private Ids() {}

    /** A new id of the given kind, e.g. {@code Ids.next(Ids.AGENT)}. */
    public static String next(String prefix) {
        return prefix + ulid(CLOCK.millis());
    }

    static String ulid(long millis) {
        char[] out = new char[26];
        long time = millis;
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 5; i++) {
            hi = (hi << 8) | (random[i] & 0xff);
            lo = (lo << 8) | (random[i + 5] & 0xff);
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = ALPHABET[(int) (hi & 31)];
            hi >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = ALPHABET[(int) (lo & 31)];
            lo >>>= 5;
        }
        return new String(out);
    }

    /** True when {@code value} looks like an id of the given kind (prefix and 26 base32 characters). */
    public static boolean isId(String prefix, String value) {
        if (value == null || value.length() != prefix.length() + 26 || !value.startsWith(prefix)) {
            return false;
        }
        for (int i = prefix.length(); i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return true;
    }
}
