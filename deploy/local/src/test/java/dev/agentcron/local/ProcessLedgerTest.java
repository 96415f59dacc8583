package dev.agentcron.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessLedgerTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Console console = new Console(new PrintStream(output, true, StandardCharsets.UTF_8));
    private Process sleeper;

    @AfterEach
    void killSleeper() {
        if (sleeper != null) {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void stopsWhatAKilledLauncherLeftRunning() throws IOException {
        sleeper = new ProcessBuilder("sleep", "300").start();
        Path file = dir.resolve("processes");
        new ProcessLedger(file).record("api-0", sleeper.toHandle());

        int stopped = new ProcessLedger(file).stopLeftovers(Duration.ofSeconds(10), console);

        assertThat(stopped).isEqualTo(1);
        assertThat(sleeper.isAlive()).isFalse();
        assertThat(file).doesNotExist();
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("Stopping api-0 (pid " + sleeper.pid() + ") left running by an earlier launcher");
    }

    @Test
    void leavesAloneAProcessThatOnlySharesThePid() throws IOException {
        sleeper = new ProcessBuilder("sleep", "300").start();
        long startMillis =
                sleeper.toHandle().info().startInstant().orElseThrow().toEpochMilli();
        Path file =
                Files.write(dir.resolve("processes"), List.of("api-0 " + sleeper.pid() + " " + (startMillis - 60_000)));

        int stopped = new ProcessLedger(file).stopLeftovers(Duration.ofSeconds(10), console);

        assertThat(stopped).isZero();
        assertThat(sleeper.isAlive()).isTrue();
    }

    @Test
    void forgetsItsProcessesOnceTheyAreStopped() throws IOException {
        sleeper = new ProcessBuilder("sleep", "300").start();
        Path file = dir.resolve("processes");
        ProcessLedger ledger = new ProcessLedger(file);
        ledger.record("worker-0", sleeper.toHandle());
        assertThat(Files.readString(file)).startsWith("worker-0 " + sleeper.pid() + " ");

        ledger.close();

        assertThat(file).doesNotExist();
    }
}
