package dev.agentcron.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceCommandsTest {

    private static final ServiceCommands.Endpoints ENDPOINTS = new ServiceCommands.Endpoints(
            "postgresql://127.0.0.1:5432/agentcron",
            "jdbc:postgresql://127.0.0.1:5432/agentcron",
            "postgres",
            "secret",
            "redis://127.0.0.1:6379",
            "http://127.0.0.1:4010/v1",
            "ac_0123456789012345678901234567890123456789");
    private static final ServiceJars JARS =
            new ServiceJars(Path.of("/repo/api.jar"), Optional.of(Path.of("/repo/worker.jar")));
    private static final Path JAVA = Path.of("/jdk/bin/java");

    @TempDir
    Path dir;

    @Test
    void startsEachApiOnItsPortWithTheClusterSettingsAndTheAdminKey() {
        ServiceCommands commands =
                new ServiceCommands(OptionsParser.parse("--apis", "2", "--key-prefix", "it1"), ENDPOINTS, JARS, JAVA);

        List<String> command = commands.api(1);

        assertThat(command.get(0)).isEqualTo("/jdk/bin/java");
        assertThat(command.subList(command.size() - 2, command.size())).containsExactly("-jar", "/repo/api.jar");
        assertThat(command)
                .contains(
                        "-Dquarkus.http.port=8081",
                        "-Dquarkus.http.host=127.0.0.1",
                        "-Dquarkus.datasource.reactive.url=postgresql://127.0.0.1:5432/agentcron",
                        "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/agentcron",
                        "-Dquarkus.datasource.username=postgres",
                        "-Dquarkus.datasource.password=secret",
                        "-Dquarkus.redis.hosts=redis://127.0.0.1:6379",
                        "-Dagentcron.redis.key-prefix=it1",
                        "-Dagentcron.gateway.base-url=http://127.0.0.1:4010/v1",
                        "-Dagentcron.bootstrap-key=ac_0123456789012345678901234567890123456789",
                        "-Dquarkus.log.console.json.enabled=false")
                .noneMatch(arg -> arg.startsWith("-Dagentcron.worker.id"));
    }

    @Test
    void namesEachWorkerAndKeepsTheAdminKeyFromIt() {
        ServiceCommands commands = new ServiceCommands(
                OptionsParser.parse("--workers", "2", "--worker-port", "9100"), ENDPOINTS, JARS, JAVA);

        List<String> command = commands.worker(1);

        assertThat(command)
                .contains("-Dquarkus.http.port=9101", "-Dagentcron.worker.id=worker-1", "/repo/worker.jar")
                .noneMatch(arg -> arg.startsWith("-Dagentcron.bootstrap-key"));
    }

    @Test
    void passesJvmOptionsBeforeTheJarAndTheConfigFileAsAConfigLocation() throws IOException {
        Path config = Files.writeString(dir.resolve("my.properties"), "a=b\n");
        ServiceCommands commands = new ServiceCommands(
                OptionsParser.parse("--jvm-opts", "-Xmx200m -Xss512k", "--config", config.toString(), "--log-json"),
                ENDPOINTS,
                JARS,
                JAVA);

        List<String> command = commands.api(0);

        assertThat(command.subList(1, 3)).containsExactly("-Xmx200m", "-Xss512k");
        assertThat(command)
                .contains("-Dquarkus.config.locations=" + config.toAbsolutePath())
                .noneMatch(arg -> arg.startsWith("-Dquarkus.log.console.json.enabled"));
    }
}
