package dev.agentcron.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged launcher, started as a process the way a user starts it, against the built service jars.
 * Each test has its own data directory, ports, database name and Redis key prefix, and drops what it
 * created on the installed servers.
 */
class LauncherIT {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workDir;

    private final String token = Long.toString(System.currentTimeMillis(), 36)
            + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
    private final String dbName = "agentcron_it_" + token;
    private final String keyPrefix = "it-" + token;
    private final List<LauncherRun> runs = new ArrayList<>();

    @AfterEach
    void leaveNothingBehind() throws Exception {
        runs.forEach(LauncherRun::kill);
        for (LauncherRun run : runs) {
            if (run.usedInstalledPostgres() && run.reportedDatabase()) {
                LauncherRun.Endpoint db = run.database();
                try (Connection c = connect(new LauncherRun.Endpoint(db.host(), db.port(), "postgres"));
                        Statement st = c.createStatement()) {
                    st.execute("DROP DATABASE IF EXISTS " + db.name() + " WITH (FORCE)");
                }
            }
            if (run.usedInstalledRedis() && run.reportedRedis()) {
                LauncherRun.Endpoint redis = run.redis();
                try (RespClient client = RespClient.connect(redis.host(), redis.port(), Duration.ofSeconds(2))) {
                    deleteKeys(client, keyPrefix + ":*");
                    deleteKeys(client, keyPrefix + "-other:*");
                }
            }
        }
    }

    @Test
    void runsTwoApisAndTwoWorkersUntilSigtermThenLeavesNoProcessBehind() throws Exception {
        Path dataDir = workDir.resolve("data");
        LauncherRun run = start("two-by-two", dataDir, "--apis", "2", "--workers", "2");

        run.awaitReady();

        List<String> apis = Arrays.asList(run.readyField("api").split(","));
        assertThat(apis).hasSize(2);
        assertThat(run.readyField("admin-key")).matches("ac_[0-9A-Za-z]{40}");
        assertThat(run.readyField("swagger")).isEqualTo(apis.get(0) + "/q/swagger-ui");
        assertThat(run.children()).containsKeys("api-0", "api-1", "worker-0", "worker-1");
        for (LauncherRun.Child child : run.children().values()) {
            if (child.name().startsWith("api-") || child.name().startsWith("worker-")) {
                assertThat(get("http://127.0.0.1:" + child.port() + "/q/health/ready")
                                .statusCode())
                        .as(child.name() + " readiness")
                        .isEqualTo(200);
            }
        }
        assertThat(get(run.readyField("swagger")).statusCode()).isEqualTo(200);
        assertGatewayStubAnswers(run.readyField("gateway"));
        assertThat(dataDir.resolve("processes")).exists();

        run.terminate();

        assertThat(run.awaitExit()).as("the JVM's status after SIGTERM").isEqualTo(143);
        assertAllExited(run.children().values());
        assertThat(run.output()).contains("launcher | stopped");
        assertThat(dataDir.resolve("processes")).doesNotExist();
    }

    @Test
    void keepsAgentDataOnEmbeddedServersAcrossARestart() throws Exception {
        Path dataDir = workDir.resolve("data");
        LauncherRun first = start("embedded-first", dataDir, "--embedded");
        first.awaitReady();
        assertThat(first.children()).containsKeys("postgres", "redis", "api-0", "worker-0");
        String adminKey = first.readyField("admin-key");
        LauncherRun.Endpoint db = first.database();
        try (Connection c = connect(db);
                Statement st = c.createStatement()) {
            assertThat(count(st, "SELECT count(*) FROM flyway_schema_history WHERE success"))
                    .as("schema migrated by the api-service")
                    .isPositive();
            st.execute("CREATE TABLE launcher_it_probe (note text)");
            st.execute("INSERT INTO launcher_it_probe VALUES ('kept across restarts')");
        }
        LauncherRun.Endpoint redis = first.redis();
        try (RespClient client = RespClient.connect(redis.host(), redis.port(), Duration.ofSeconds(2))) {
            assertThat(client.command("SET", keyPrefix + ":probe", "kept")).isEqualTo("OK");
        }
        first.terminate();
        first.awaitExit();
        assertAllExited(first.children().values());

        LauncherRun second = start("embedded-second", dataDir, "--embedded");
        second.awaitReady();

        assertThat(second.readyField("admin-key")).isEqualTo(adminKey);
        try (Connection c = connect(second.database());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT note FROM launcher_it_probe")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("kept across restarts");
        }
        LauncherRun.Endpoint redisAgain = second.redis();
        try (RespClient client = RespClient.connect(redisAgain.host(), redisAgain.port(), Duration.ofSeconds(2))) {
            assertThat(client.command("GET", keyPrefix + ":probe")).isEqualTo("kept");
        }
        second.terminate();
        second.awaitExit();
        assertAllExited(second.children().values());
    }

    @Test
    void freshStartsFromNothingAndTouchesNothingElse() throws Exception {
        Path dataDir = workDir.resolve("data");
        LauncherRun first = start("fresh-before", dataDir, "--workers", "0");
        first.awaitReady();
        String adminKey = first.readyField("admin-key");
        try (Connection c = connect(first.database());
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE launcher_it_probe (note text)");
        }
        LauncherRun.Endpoint redis = first.redis();
        try (RespClient client = RespClient.connect(redis.host(), redis.port(), Duration.ofSeconds(2))) {
            client.command("SET", keyPrefix + ":probe", "ours");
            client.command("SET", keyPrefix + "-other:probe", "someone else's");
        }
        first.terminate();
        first.awaitExit();

        LauncherRun second = start("fresh-after", dataDir, "--workers", "0", "--fresh");
        second.awaitReady();

        assertThat(second.readyField("admin-key")).isNotEqualTo(adminKey);
        try (Connection c = connect(second.database());
                Statement st = c.createStatement()) {
            assertThat(count(st, "SELECT count(*) FROM pg_tables WHERE tablename = 'launcher_it_probe'"))
                    .isZero();
            assertThat(count(st, "SELECT count(*) FROM flyway_schema_history WHERE success"))
                    .isPositive();
        }
        LauncherRun.Endpoint redisAgain = second.redis();
        try (RespClient client = RespClient.connect(redisAgain.host(), redisAgain.port(), Duration.ofSeconds(2))) {
            assertThat(client.command("EXISTS", keyPrefix + ":probe")).isEqualTo(0L);
            if (second.usedInstalledRedis()) {
                assertThat(client.command("GET", keyPrefix + "-other:probe")).isEqualTo("someone else's");
            }
        }
        second.terminate();
        second.awaitExit();
        assertAllExited(second.children().values());
    }

    @Test
    void fallsBackToEmbeddedServersThenStopsEverythingWhenAServiceDiesAtStartup() throws Exception {
        Path broken = Files.writeString(workDir.resolve("broken.jar"), "not a jar");
        int nothingListens = freePortBlock(2);
        LauncherRun run = start(
                "dies-at-startup",
                workDir.resolve("data"),
                "--pg-port",
                Integer.toString(nothingListens),
                "--redis-port",
                Integer.toString(nothingListens + 1),
                "--api-jar",
                broken.toString());

        assertThat(run.awaitExit()).isEqualTo(1);

        assertThat(run.output())
                .contains("PostgreSQL at 127.0.0.1:" + nothingListens
                        + " does not answer: starting an embedded PostgreSQL")
                .contains(
                        "Redis at 127.0.0.1:" + (nothingListens + 1) + " does not answer: starting an embedded Redis");
        assertThat(run.readyLine()).isEmpty();
        long apiPid = run.children().get("api-0").pid();
        assertThat(run.output())
                .contains("launcher | ERROR api-0 (pid " + apiPid + ") exited with status 1 while starting");
        assertThat(run.children()).containsKeys("postgres", "redis").doesNotContainKey("worker-0");
        assertAllExited(run.children().values());
    }

    @Test
    void stopsEverythingWithAnErrorWhenAWorkerDiesLater() throws Exception {
        LauncherRun run = start("worker-dies", workDir.resolve("data"));
        run.awaitReady();
        LauncherRun.Child worker = run.children().get("worker-0");

        ProcessHandle.of(worker.pid()).orElseThrow().destroyForcibly();

        assertThat(run.awaitExit()).isEqualTo(1);
        assertThat(run.output())
                .contains("launcher | ERROR worker-0 (pid " + worker.pid()
                        + ") exited with status 137: stopping everything");
        assertAllExited(run.children().values());
    }

    @Test
    void explainsBadFlagsAndMissingJarsAndPrintsUsage() throws Exception {
        LauncherRun badFlag = LauncherRun.start("bad-flag", workDir, List.of("--apis", "zero"));
        assertThat(badFlag.awaitExit()).isEqualTo(2);
        assertThat(badFlag.output()).contains("--apis expects a whole number, got 'zero'", "--help");

        LauncherRun help = LauncherRun.start("help", workDir, List.of("--help"));
        assertThat(help.awaitExit()).isZero();
        assertThat(help.output()).contains("Usage:", "--embedded", "--data-dir DIR", "--fresh");

        Path checkout = workDir.resolve("unbuilt-checkout");
        Files.createDirectories(checkout.resolve("api-service"));
        Files.createDirectories(checkout.resolve("worker-service"));
        Path jar = checkout.resolve("deploy/local/target/agentcron-local.jar");
        Files.createDirectories(jar.getParent());
        Files.copy(LauncherRun.launcherJar(), jar);
        LauncherRun unbuilt = LauncherRun.start(
                "unbuilt",
                checkout,
                jar,
                List.of("--data-dir", "data", "--api-port", Integer.toString(freePortBlock(2))));
        assertThat(unbuilt.awaitExit()).isEqualTo(1);
        assertThat(unbuilt.output())
                .contains("api-service/target/quarkus-app/quarkus-run.jar")
                .contains("Build the services first: cd " + checkout + " && ./mvnw -B -q package -DskipTests");
        assertThat(checkout.resolve("data")).doesNotExist();
    }

    private LauncherRun start(String name, Path dataDir, String... extra) {
        int apis = flagValue(extra, "--apis", 1);
        int workers = flagValue(extra, "--workers", 1);
        int base = freePortBlock(apis + workers);
        List<String> args = new ArrayList<>(List.of(
                "--data-dir",
                dataDir.toString(),
                "--api-port",
                Integer.toString(base),
                "--worker-port",
                Integer.toString(base + apis),
                "--db-name",
                dbName,
                "--key-prefix",
                keyPrefix));
        args.addAll(List.of(extra));
        LauncherRun run = LauncherRun.start(name, workDir, args);
        runs.add(run);
        return run;
    }

    private void assertGatewayStubAnswers(String gateway) throws Exception {
        HttpResponse<String> plain = post(
                gateway + "/chat/completions",
                "{\"model\": \"gpt-4o-mini\", \"messages\": [{\"role\": \"user\", \"content\": \"Hello\"}]}");
        assertThat(plain.statusCode()).isEqualTo(200);
        JsonNode completion = JSON.readTree(plain.body());
        assertThat(completion.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(completion
                        .path("choices")
                        .get(0)
                        .path("message")
                        .path("content")
                        .asText())
                .contains("Hello");
        assertThat(completion.path("usage").path("total_tokens").asInt()).isPositive();

        HttpResponse<String> streamed = post(
                gateway + "/chat/completions",
                "{\"model\": \"gpt-4.1-mini\", \"stream\": true, \"stream_options\": {\"include_usage\": true},"
                        + " \"messages\": [{\"role\": \"user\", \"content\": \"Hello\"}]}");
        assertThat(streamed.statusCode()).isEqualTo(200);
        assertThat(streamed.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(streamed.body())
                .startsWith("data: {")
                .contains("\"delta\":{\"content\":", "\"model\":\"gpt-4.1-mini\"", "\"usage\":{")
                .endsWith("data: [DONE]\n\n");

        HttpResponse<String> toolCall = post(
                gateway + "/chat/completions",
                "{\"model\": \"gpt-4o-mini\", \"messages\": [{\"role\": \"user\", \"content\": \"Note this\"}],"
                        + " \"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"remember\"}}]}");
        JsonNode call = JSON.readTree(toolCall.body())
                .path("choices")
                .get(0)
                .path("message")
                .path("tool_calls")
                .get(0);
        assertThat(call.path("function").path("name").asText()).isEqualTo("remember");

        assertThat(get(gateway + "/models").body()).contains("gpt-4o-mini");
    }

    /** Exited: ended, or ended and waiting to be reaped by init (as the embedded postmaster may be briefly). */
    private static void assertAllExited(Collection<LauncherRun.Child> children) {
        assertThat(children).isNotEmpty();
        await("every reported child has exited").atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(children)
                .filteredOn(child ->
                        ProcessHandle.of(child.pid()).map(Processes::isRunning).orElse(false))
                .isEmpty());
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Connection connect(LauncherRun.Endpoint db) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("password", "postgres");
        return DriverManager.getConnection("jdbc:postgresql://" + db.host() + ":" + db.port() + "/" + db.name(), props);
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void deleteKeys(RespClient client, String pattern) throws IOException {
        String cursor = "0";
        do {
            List<?> reply = (List<?>) client.command("SCAN", cursor, "MATCH", pattern, "COUNT", "1000");
            cursor = (String) reply.get(0);
            for (Object key : (List<?>) reply.get(1)) {
                client.command("UNLINK", (String) key);
            }
        } while (!"0".equals(cursor));
    }

    private static int flagValue(String[] args, String flag, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(flag)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    /** The first of {@code count} consecutive ports that are all free now. */
    private static int freePortBlock(int count) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20_000, 60_000);
            boolean free = true;
            for (int port = base; port < base + count && free; port++) {
                try (ServerSocket ignored = new ServerSocket(port)) {
                    // free
                } catch (IOException e) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("No block of " + count + " free ports");
    }
}
