package dev.agentcron.model.net;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads IP address literals into bytes without any name lookup, in every notation an HTTP client or resolver
 * may accept: IPv4 as {@code inet_aton} and the WHATWG URL standard read it (1–4 parts, each decimal, octal
 * with a leading {@code 0} or hex with {@code 0x}: {@code 127.1}, {@code 2130706433}, {@code 0177.0.0.1},
 * {@code 0x7f000001}), and IPv6 with {@code ::} compression, an embedded dotted IPv4 tail and an optional zone.
 */
final class IpLiterals {

    private IpLiterals() {}

    /** The 4 bytes of an IPv4 literal in any notation, or empty. */
    static Optional<byte[]> parseIpv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            long value = number(parts[i]);
            if (value < 0 || i < parts.length - 1 && value > 255) {
                return Optional.empty();
            }
            values[i] = value;
        }
        long last = values[parts.length - 1];
        if (last >= 1L << (8 * (5 - parts.length))) {
            return Optional.empty();
        }
        long address = last;
        for (int i = 0; i < parts.length - 1; i++) {
            address |= values[i] << (8 * (3 - i));
        }
        return Optional.of(
                new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address});
    }

    /**
     * True when a host ends in a number ({@code example.1}, {@code 1.2.3.999}): URL parsers then read the whole
     * host as an IPv4 address, so it must be a valid one.
     */
    static boolean endsInNumber(String host) {
        String[] parts = host.split("\\.", -1);
        String last = parts[parts.length - 1];
        return !last.isEmpty() && (last.chars().allMatch(Character::isDigit) || last.matches("0[xX][0-9a-fA-F]*"));
    }

    /** The 16 bytes of an IPv6 literal (no brackets; a {@code %zone} suffix is ignored), or empty. */
    static Optional<byte[]> parseIpv6(String text) {
        int zone = text.indexOf('%');
        String address = (zone >= 0 ? text.substring(0, zone) : text).toLowerCase(Locale.ROOT);
        if (address.isEmpty() || !address.matches("[0-9a-f:.]+")) {
            return Optional.empty();
        }
        int compression = address.indexOf("::");
        if (compression >= 0 && address.indexOf("::", compression + 1) >= 0) {
            return Optional.empty();
        }
        if (compression >= 0 && address.substring(0, compression).contains(".")) {
            return Optional.empty(); // a dotted IPv4 part may only end the address
        }
        int[] head = compression < 0 ? groups(address) : groups(address.substring(0, compression));
        int[] tail = compression < 0 ? new int[0] : groups(address.substring(compression + 2));
        if (head == null || tail == null) {
            return Optional.empty();
        }
        int total = head.length + tail.length;
        if (compression < 0 ? total != 8 : total > 7) {
            return Optional.empty();
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < head.length; i++) {
            bytes[2 * i] = (byte) (head[i] >>> 8);
            bytes[2 * i + 1] = (byte) head[i];
        }
        for (int i = 0; i < tail.length; i++) {
            int at = 8 - tail.length + i;
            bytes[2 * at] = (byte) (tail[i] >>> 8);
            bytes[2 * at + 1] = (byte) tail[i];
        }
        return Optional.of(bytes);
    }

    /** Colon-separated 16-bit groups; a dotted IPv4 last group counts as two. Null when malformed. */
    private static int[] groups(String text) {
        if (text.isEmpty()) {
            return new int[0];
        }
        String[] parts = text.split(":", -1);
        int[] groups = new int[parts.length + (parts[parts.length - 1].contains(".") ? 1 : 0)];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.contains(".")) {
                byte[] ipv4 = i == parts.length - 1 ? dottedQuad(part) : null;
                if (ipv4 == null) {
                    return null;
                }
                groups[i] = (ipv4[0] & 0xff) << 8 | (ipv4[1] & 0xff);
                groups[i + 1] = (ipv4[2] & 0xff) << 8 | (ipv4[3] & 0xff);
            } else if (part.matches("[0-9a-f]{1,4}")) {
                groups[i] = Integer.parseInt(part, 16);
            } else {
                return null;
            }
        }
        return groups;
    }

    /** Strict dotted decimal (the only IPv4 form allowed inside IPv6). */
    private static byte[] dottedQuad(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("0|[1-9]\\d{0,2}") || Integer.parseInt(parts[i]) > 255) {
                return null;
            }
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        return bytes;
    }

    /** One IPv4 part: decimal, octal (leading 0) or hex (0x); -1 when not a number or not below 2^32. */
    private static long number(String part) {
        String digits;
        int radix;
        if (part.matches("0[xX][0-9a-fA-F]*")) {
            digits = part.substring(2);
            radix = 16;
        } else if (part.matches("0[0-7]+")) {
            digits = part.substring(1);
            radix = 8;
        } else if (part.matches("0|[1-9][0-9]*")) {
            digits = part;
            radix = 10;
        } else {
            return -1;
        }
        String significant = digits.replaceFirst("^0+", "");
        if (significant.isEmpty()) {
            return 0;
        }
        if (significant.length() > 11) {
            return -1;
        }
        long value = Long.parseLong(significant, radix);
        return value <= 0xffffffffL ? value : -1;
    }

    /** Dotted decimal for 4 bytes; RFC 5952 for 16 ({@code ::1}, {@code ::ffff:127.0.0.1}, {@code fe80::1}). */
    static String format(byte[] bytes) {
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xff) << 8 | (bytes[2 * i + 1] & 0xff);
        }
        boolean mapped = groups[0] == 0
                && groups[1] == 0
                && groups[2] == 0
                && groups[3] == 0
                && groups[4] == 0
                && groups[5] == 0xffff;
        if (mapped) {
            return "::ffff:" + format(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]});
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
