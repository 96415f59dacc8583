package dev.agentcron.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootstrapKeyTest {

    @TempDir
    Path dir;

    @Test
    void generatesAnAcPrefixedKeyOfFortyBase62Characters() {
        String key = BootstrapKey.generate();

        assertThat(key).matches("ac_[0-9A-Za-z]{40}");
        assertThat(BootstrapKey.generate()).isNotEqualTo(key);
    }

    @Test
    void generatesOnceThenReusesTheStoredKey() throws IOException {
        Path stored = dir.resolve("bootstrap-key");

        String first = BootstrapKey.resolve(Optional.empty(), stored);
        String second = BootstrapKey.resolve(Optional.empty(), stored);

        assertThat(second).isEqualTo(first);
        assertThat(Files.readString(stored).trim()).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stored)))
                .isEqualTo("rw-------");
    }

    @Test
    void aGivenKeyWinsAndIsNotStored() {
        Path stored = dir.resolve("bootstrap-key");

        assertThat(BootstrapKey.resolve(Optional.of("ac_given_key_of_enough_length"), stored))
                .isEqualTo("ac_given_key_of_enough_length");
        assertThat(stored).doesNotExist();
    }

    @Test
    void refusesATruncatedStoredKey() throws IOException {
        Path stored = Files.writeString(dir.resolve("bootstrap-key"), "ac_abc\n");

        assertThatThrownBy(() -> BootstrapKey.resolve(Optional.empty(), stored))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("too short");
    }
}
