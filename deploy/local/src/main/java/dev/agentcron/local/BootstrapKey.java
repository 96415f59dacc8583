package dev.agentcron.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The first admin API key the api-service is started with ({@code agentcron.bootstrap-key}): the one given
 * with {@code --bootstrap-key}, else the one generated on the first start and kept in the data directory.
 */
final class BootstrapKey {

    static final String PREFIX = "ac_";
    static final int RANDOM_LENGTH = 40;
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private BootstrapKey() {}

    /** A new key: {@code ac_} and 40 random base62 characters. */
    static String generate() {
        StringBuilder key = new StringBuilder(PREFIX);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            key.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
        }
        return key.toString();
    }

    /** The given key, else the stored one, else a new one that is stored (readable by the owner only). */
    static String resolve(Optional<String> given, Path stored) {
        if (given.isPresent()) {
            return given.get();
        }
        try {
            if (Files.exists(stored)) {
                String key = Files.readString(stored, StandardCharsets.UTF_8).trim();
                if (key.length() >= OptionsParser.MIN_BOOTSTRAP_KEY_LENGTH) {
                    return key;
                }
                throw new LauncherException("The stored admin key in " + stored + " is too short: delete the file"
                        + " (a new key is generated) or pass --bootstrap-key");
            }
            String key = generate();
            Files.deleteIfExists(stored);
            Files.createFile(
                    stored, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(stored, key + "\n", StandardCharsets.UTF_8);
            return key;
        } catch (IOException e) {
            throw new LauncherException("Cannot keep the admin key in " + stored + ": " + e.getMessage(), e);
        }
    }
}
