package dev.agentcron.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged launcher jar running as a process, as a user would run it: its output is kept (and written
 * to {@code target/it-logs/<name>.log}) so tests can read the READY line and the reported children.
 */
final class LauncherRun {

    static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    static final Duration EXIT_TIMEOUT = Duration.ofMinutes(1);

    private static final Pattern STARTED = Pattern.compile("^launcher \\| started (\\S+) pid=(\\d+) port=(\\d+)$");
    private static final Pattern DATABASE =
            Pattern.compile("^launcher \\| database postgresql://([^:/]+):(\\d+)/(\\S+) user (\\S+)$");
    private static final Pattern REDIS =
            Pattern.compile("^launcher \\| redis redis://([^:/]+):(\\d+) key prefix \\S+$");

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    /** A started child as the launcher reported it. */
    record Child(String name, long pid, int port) {}

    /** Where the launcher's PostgreSQL database or Redis is. */
    record Endpoint(String host, int port, String name) {}

    private LauncherRun(Process process, Path log) {
        this.process = process;
        Thread reader = new Thread(() -> copy(log), "launcher-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code java -jar agentcron-local.jar args…} in {@code workingDirectory}. */
    static LauncherRun start(String name, Path workingDirectory, List<String> args) {
        return start(name, workingDirectory, launcherJar(), args);
    }

    static LauncherRun start(String name, Path workingDirectory, Path jar, List<String> args) {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(args);
        try {
            Path logs = Path.of(System.getProperty("launcher.it-logs", "target/it-logs"));
            Files.createDirectories(logs);
            Process process = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .start();
            return new LauncherRun(process, logs.resolve(name + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path launcherJar() {
        Path jar = Path.of(System.getProperty("launcher.jar", "target/agentcron-local.jar"));
        assertThat(jar).as("the packaged launcher (mvn package)").exists();
        return jar.toAbsolutePath();
    }

    /** Waits for the READY line; fails with the output if the launcher exits first. */
    String awaitReady() {
        await("READY line")
                .atMost(READY_TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> readyLine().isPresent() || !process.isAlive());
        assertThat(readyLine()).as("READY line; output:%n%s", output()).isPresent();
        return readyLine().orElseThrow();
    }

    Optional<String> readyLine() {
        return lines.stream().filter(line -> line.startsWith("READY")).findFirst();
    }

    /** A {@code key=value} field of the READY line. */
    String readyField(String key) {
        for (String field : awaitReady().split(" ")) {
            if (field.startsWith(key + "=")) {
                return field.substring(key.length() + 1);
            }
        }
        throw new AssertionError("No " + key + "= in " + awaitReady());
    }

    /** Every child the launcher reported starting, by name. */
    Map<String, Child> children() {
        Map<String, Child> children = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher m = STARTED.matcher(line);
            if (m.matches()) {
                children.put(
                        m.group(1), new Child(m.group(1), Long.parseLong(m.group(2)), Integer.parseInt(m.group(3))));
            }
        }
        return children;
    }

    boolean reportedDatabase() {
        return lines.stream().anyMatch(line -> DATABASE.matcher(line).matches());
    }

    boolean reportedRedis() {
        return lines.stream().anyMatch(line -> REDIS.matcher(line).matches());
    }

    Endpoint database() {
        Matcher m = find(DATABASE);
        return new Endpoint(m.group(1), Integer.parseInt(m.group(2)), m.group(3));
    }

    Endpoint redis() {
        Matcher m = find(REDIS);
        return new Endpoint(m.group(1), Integer.parseInt(m.group(2)), null);
    }

    boolean usedInstalledPostgres() {
        return lines.stream().anyMatch(line -> line.startsWith("launcher | Using the installed PostgreSQL"));
    }

    boolean usedInstalledRedis() {
        return lines.stream().anyMatch(line -> line.startsWith("launcher | Using the installed Redis"));
    }

    private Matcher find(Pattern pattern) {
        for (String line : lines) {
            Matcher m = pattern.matcher(line);
            if (m.matches()) {
                return m;
            }
        }
        throw new AssertionError("No line matching " + pattern + " in:\n" + output());
    }

    /**
     * SIGTERM, as {@code kill} or a service manager would send (through the handle: {@link Process#destroy()}
     * would also close the output before the launcher's last lines are read).
     */
    void terminate() {
        process.toHandle().destroy();
    }

    /** Waits until the launcher has exited and returns its status. */
    int awaitExit() {
        await("launcher exit").atMost(EXIT_TIMEOUT).until(() -> !process.isAlive());
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    String output() {
        return String.join("\n", lines);
    }

    /** Last resort after a failed test: nothing may outlive it. */
    void kill() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        children().values().stream()
                .flatMap(child -> ProcessHandle.of(child.pid()).stream())
                .filter(LauncherRun::isClusterProcess)
                .forEach(ProcessHandle::destroyForcibly);
    }

    /** Guards the last-resort kill against a pid reused by an unrelated process. */
    private static boolean isClusterProcess(ProcessHandle process) {
        return process.info()
                .command()
                .map(command -> command.contains("java") || command.contains("postgres") || command.contains("redis"))
                .orElse(false);
    }

    private void copy(Path log) {
        try (BufferedReader reader =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
                out.println(line);
            }
        } catch (IOException e) {
            lines.add("(output lost: " + e + ")");
        }
    }
}
