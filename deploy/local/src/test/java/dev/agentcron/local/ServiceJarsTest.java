package dev.agentcron.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceJarsTest {

    @TempDir
    Path checkout;

    @Test
    void findsTheBuiltJarsByWalkingUpFromTheLauncherJar() throws IOException {
        Path api = jar("api-service");
        Path worker = jar("worker-service");
        Path launcher = checkout.resolve("deploy/local/target/agentcron-local.jar");

        ServiceJars jars = ServiceJars.locate(OptionsParser.parse(), List.of(launcher, Path.of("/")));

        assertThat(jars.api()).isEqualTo(api);
        assertThat(jars.worker()).contains(worker);
    }

    @Test
    void explainsHowToBuildMissingJars() throws IOException {
        jar("api-service");
        Files.createDirectories(checkout.resolve("worker-service"));

        assertThatThrownBy(() -> ServiceJars.locate(OptionsParser.parse(), List.of(checkout.resolve("deploy"))))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("worker-service/target/quarkus-app/quarkus-run.jar")
                .hasMessageContaining("cd " + checkout + " && ./mvnw -B -q package -DskipTests");
    }

    @Test
    void needsNoWorkerJarWithoutWorkers() throws IOException {
        Path api = jar("api-service");
        Files.createDirectories(checkout.resolve("worker-service"));

        ServiceJars jars = ServiceJars.locate(OptionsParser.parse("--workers", "0"), List.of(checkout));

        assertThat(jars.api()).isEqualTo(api);
        assertThat(jars.worker()).isEmpty();
    }

    @Test
    void usesTheGivenJarsWithoutACheckout() throws IOException {
        Path api = Files.createFile(checkout.resolve("api.jar"));
        Path worker = Files.createFile(checkout.resolve("worker.jar"));

        ServiceJars jars = ServiceJars.locate(
                OptionsParser.parse("--api-jar", api.toString(), "--worker-jar", worker.toString()),
                List.of(Path.of("/")));

        assertThat(jars.api()).isEqualTo(api);
        assertThat(jars.worker()).contains(worker);
    }

    @Test
    void saysWhereItLookedWhenThereIsNoCheckout() {
        assertThatThrownBy(() -> ServiceJars.locate(OptionsParser.parse(), List.of(checkout)))
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining("Cannot find the agentcron checkout")
                .hasMessageContaining("--api-jar and --worker-jar");
    }

    private Path jar(String module) throws IOException {
        Path jar = checkout.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        Files.createDirectories(jar.getParent());
        return Files.createFile(jar);
    }
}
