package dev.agentcron.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void createsAndMarksAMissingDirectory() {
        Path root = dir.resolve("a/b/.agentcron");

        try (DataDirectory data = DataDirectory.open(root)) {
            assertThat(data.root()).isEqualTo(root);
            assertThat(root.resolve(DataDirectory.MARKER)).exists();
        }
    }

    @Test
    void refusesANonEmptyDirectoryItDidNotCreate() throws IOException {
        Files.writeString(dir.resolve("thesis.tex"), "years of work");

        assertThatThrownBy(() -> DataDirectory.open(dir))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("not empty and was not created by the launcher");
        assertThat(dir.resolve("thesis.tex")).exists();
    }

    @Test
    void isHeldByOneLauncherAtATime() {
        Path root = dir.resolve("data");
        try (DataDirectory ignored = DataDirectory.open(root)) {
            assertThatThrownBy(() -> DataDirectory.open(root))
                    .isInstanceOf(LauncherException.class)
                    .hasMessageContaining(
                            "Another launcher (pid " + ProcessHandle.current().pid() + ")");
        }
        DataDirectory.open(root).close();
    }

    @Test
    void wipeEmptiesEverythingButItsMarkerAndLock() throws IOException {
        Path root = dir.resolve("data");
        try (DataDirectory data = DataDirectory.open(root)) {
            Files.createDirectories(data.postgres().resolve("base/1"));
            Files.writeString(data.postgres().resolve("base/1/table"), "rows");
            Files.writeString(data.bootstrapKey(), "ac_key");

            data.wipe();

            try (var left = Files.list(root)) {
                assertThat(left.map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder(DataDirectory.MARKER, "launcher.lock");
            }
        }
    }
}
