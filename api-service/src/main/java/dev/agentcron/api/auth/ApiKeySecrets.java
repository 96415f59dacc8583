package dev.agentcron.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** API key secrets: {@code ac_} and 40 random base62 characters; stored only as their SHA-256. */
public final class ApiKeySecrets {

    public static final String PREFIX = "ac_";
    static final int RANDOM_CHARS = 40;
    /** Characters of a secret shown in listings ({@code ac_} and the next eight). */
    static final int SHOWN_CHARS = 11;

    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {}

    /** A new secret. */
    public static String generate() {
        StringBuilder secret = new StringBuilder(PREFIX.length() + RANDOM_CHARS).append(PREFIX);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            secret.append(BASE62[RANDOM.nextInt(BASE62.length)]);
        }
        return secret.toString();
    }

    /** Hex SHA-256 of a secret, as stored in {@code api_keys.key_hash}. */
    public static String hash(String secret) {
        return HexFormat.of().formatHex(digest(secret));
    }

    /** Compares a stored hex hash with a secret in constant time. */
    public static boolean matches(String storedHash, String secret) {
        return MessageDigest.isEqual(
                storedHash.getBytes(StandardCharsets.US_ASCII), hash(secret).getBytes(StandardCharsets.US_ASCII));
    }

    /** The start of a secret shown in listings so users can tell keys apart. */
    public static String shownPrefix(String secret) {
        return secret.substring(0, Math.min(SHOWN_CHARS, secret.length()));
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
