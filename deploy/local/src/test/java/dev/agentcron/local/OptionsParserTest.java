package dev.agentcron.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsParserTest {

    @TempDir
    Path dir;

    @Test
    void defaultsRunOneApiAndOneWorkerOnTheInstalledServers() {
        LauncherOptions options = OptionsParser.parse();

        assertThat(options.apis()).isEqualTo(1);
        assertThat(options.workers()).isEqualTo(1);
        assertThat(options.apiPort(0)).isEqualTo(8080);
        assertThat(options.workerPort(0)).isEqualTo(8090);
        assertThat(options.httpHost()).isEqualTo("127.0.0.1");
        assertThat(options.pgHost()).isEqualTo("127.0.0.1");
        assertThat(options.pgPort()).isEqualTo(5432);
        assertThat(options.pgUser()).isEqualTo("postgres");
        assertThat(options.dbName()).isEqualTo("agentcron");
        assertThat(options.redisHost()).isEqualTo("127.0.0.1");
        assertThat(options.redisPort()).isEqualTo(6379);
        assertThat(options.keyPrefix()).isEqualTo("agentcron");
        assertThat(options.embedded()).isFalse();
        assertThat(options.fresh()).isFalse();
        assertThat(options.dataDir()).isEqualTo(Path.of(".agentcron").toAbsolutePath());
        assertThat(options.gatewayUrl()).isEmpty();
        assertThat(options.gatewayPort()).isZero();
        assertThat(options.bootstrapKey()).isEmpty();
        assertThat(options.startupTimeout()).isEqualTo(Duration.ofSeconds(180));
    }

    @Test
    void readsEveryFlagWithItsValueAfterASpaceOrAnEqualsSign() throws IOException {
        Path config = Files.writeString(dir.resolve("extra.properties"), "quarkus.log.level=DEBUG\n");
        LauncherOptions options = OptionsParser.parse(
                "--apis",
                "3",
                "--workers=2",
                "--api-port",
                "9000",
                "--worker-port=9100",
                "--pg-host",
                "db.local",
                "--pg-port=6543",
                "--pg-user",
                "agent",
                "--pg-password=",
                "--db-name",
                "agentcron_it",
                "--redis-host",
                "cache.local",
                "--redis-port",
                "6380",
                "--key-prefix",
                "it-1",
                "--embedded",
                "--fresh",
                "--data-dir",
                dir.toString(),
                "--gateway-url",
                "https://gateway.example/v1/",
                "--bootstrap-key",
                "ac_0123456789abcdefghij",
                "--config",
                config.toString(),
                "--jvm-opts",
                "-Xmx256m  -XX:+UseSerialGC",
                "--startup-timeout",
                "60",
                "--stop-timeout",
                "5",
                "--log-json",
                "--keep-going");

        assertThat(options.apis()).isEqualTo(3);
        assertThat(options.workers()).isEqualTo(2);
        assertThat(options.apiPort(2)).isEqualTo(9002);
        assertThat(options.workerPort(1)).isEqualTo(9101);
        assertThat(options.pgHost()).isEqualTo("db.local");
        assertThat(options.pgPort()).isEqualTo(6543);
        assertThat(options.pgUser()).isEqualTo("agent");
        assertThat(options.pgPassword()).isEmpty();
        assertThat(options.dbName()).isEqualTo("agentcron_it");
        assertThat(options.redisHost()).isEqualTo("cache.local");
        assertThat(options.redisPort()).isEqualTo(6380);
        assertThat(options.keyPrefix()).isEqualTo("it-1");
        assertThat(options.embedded()).isTrue();
        assertThat(options.fresh()).isTrue();
        assertThat(options.dataDir()).isEqualTo(dir.toAbsolutePath());
        assertThat(options.gatewayUrl()).contains("https://gateway.example/v1");
        assertThat(options.bootstrapKey()).contains("ac_0123456789abcdefghij");
        assertThat(options.configFile()).contains(config.toAbsolutePath());
        assertThat(options.jvmOptions()).containsExactly("-Xmx256m", "-XX:+UseSerialGC");
        assertThat(options.startupTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.stopGrace()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.jsonLogs()).isTrue();
        assertThat(options.keepGoing()).isTrue();
    }

    @Test
    void stopsEverythingWhenAServiceExitsUnlessAskedToKeepGoing() {
        assertThat(OptionsParser.parse().keepGoing()).isFalse();
        assertThat(OptionsParser.parse("--keep-going").keepGoing()).isTrue();
        assertThatThrownBy(() -> OptionsParser.parse("--keep-going=true"))
                .isInstanceOf(OptionsException.class)
                .hasMessage("--keep-going takes no value");
        assertThat(OptionsParser.usage()).contains("--keep-going");
    }

    @Test
    void rejectsUnknownFlagsAndBareArguments() {
        assertThatThrownBy(() -> OptionsParser.parse("--api", "2"))
                .isInstanceOf(OptionsException.class)
                .hasMessage("Unknown flag --api");
        assertThatThrownBy(() -> OptionsParser.parse("start"))
                .isInstanceOf(OptionsException.class)
                .hasMessageContaining("Unexpected argument 'start'");
    }

    @Test
    void rejectsAFlagWithoutItsValue() {
        assertThatThrownBy(() -> OptionsParser.parse("--apis"))
                .isInstanceOf(OptionsException.class)
                .hasMessage("--apis needs a value: --apis N");
        assertThatThrownBy(() -> OptionsParser.parse("--data-dir", "--fresh"))
                .isInstanceOf(OptionsException.class)
                .hasMessageContaining("--data-dir needs a value");
    }

    @Test
    void rejectsAValueOnASwitch() {
        assertThatThrownBy(() -> OptionsParser.parse("--embedded=yes"))
                .isInstanceOf(OptionsException.class)
                .hasMessage("--embedded takes no value");
    }

    @Test
    void rejectsNumbersThatAreNotNumbersOrOutOfRange() {
        assertThatThrownBy(() -> OptionsParser.parse("--apis", "two"))
                .isInstanceOf(OptionsException.class)
                .hasMessage("--apis expects a whole number, got 'two'");
        assertThatThrownBy(() -> OptionsParser.parse("--apis", "0"))
                .isInstanceOf(OptionsException.class)
                .hasMessage("--apis must be between 1 and 100, got 0");
        assertThatThrownBy(() -> OptionsParser.parse("--pg-port", "70000"))
                .isInstanceOf(OptionsException.class)
                .hasMessage("--pg-port must be between 1 and 65535, got 70000");
        assertThatThrownBy(() -> OptionsParser.parse("--api-port", "65535", "--apis", "2"))
                .isInstanceOf(OptionsException.class)
                .hasMessageContaining("leaves no room for 2 processes");
    }

    @Test
    void allowsAnApiWithoutWorkers() {
        assertThat(OptionsParser.parse("--workers", "0").workers()).isZero();
    }

    @Test
    void rejectsOverlappingApiAndWorkerPorts() {
        assertThatThrownBy(() -> OptionsParser.parse("--apis", "3", "--api-port", "8000", "--worker-port", "8002"))
                .isInstanceOf(OptionsException.class)
                .hasMessageContaining("8000-8002")
                .hasMessageContaining("overlap");
    }

    @Test
    void rejectsABootstrapKeyShorterThanTwentyCharacters() {
        assertThatThrownBy(() -> OptionsParser.parse("--bootstrap-key", "ac_short"))
                .isInstanceOf(OptionsException.class)
                .hasMessage("--bootstrap-key must be at least 20 characters long (got 8)");
        assertThat(OptionsParser.parse("--bootstrap-key", "x".repeat(20)).bootstrapKey())
                .contains("x".repeat(20));
    }

    @Test
    void rejectsNamesThatWouldNeedQuotingOrEscaping() {
        assertThatThrownBy(() -> OptionsParser.parse("--db-name", "agentcron; DROP TABLE runs"))
                .isInstanceOf(OptionsException.class)
                .hasMessageStartingWith("--db-name allows");
        assertThatThrownBy(() -> OptionsParser.parse("--key-prefix", "agent*"))
                .isInstanceOf(OptionsException.class)
                .hasMessageStartingWith("--key-prefix allows");
    }

    @Test
    void rejectsAGatewayUrlThatIsNotHttp() {
        assertThatThrownBy(() -> OptionsParser.parse("--gateway-url", "ftp://gateway/v1"))
                .isInstanceOf(OptionsException.class)
                .hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> OptionsParser.parse("--gateway-url", "http://gw/v1", "--gateway-port", "9999"))
                .isInstanceOf(OptionsException.class)
                .hasMessageContaining("use one or the other");
    }

    @Test
    void rejectsFilesThatDoNotExist() {
        Path missing = dir.resolve("missing.jar");
        assertThatThrownBy(() -> OptionsParser.parse("--api-jar", missing.toString()))
                .isInstanceOf(OptionsException.class)
                .hasMessage("--api-jar: no such file " + missing.toAbsolutePath());
        assertThatThrownBy(() -> OptionsParser.parse("--config", missing.toString()))
                .isInstanceOf(OptionsException.class)
                .hasMessageContaining("--config: no such file");
    }

    @Test
    void helpWinsOverEverythingElseAndListsEveryFlag() {
        assertThat(OptionsParser.wantsHelp("--apis", "nonsense", "-h")).isTrue();
        assertThat(OptionsParser.wantsHelp("--apis", "2")).isFalse();
        assertThat(OptionsParser.usage())
                .contains("--apis N", "--workers M", "--embedded", "--fresh", "--data-dir DIR", "--gateway-url URL")
                .contains("--bootstrap-key KEY", "--config FILE", "--api-jar JAR", "--worker-jar JAR", "--help, -h");
    }
}
