package dev.agentcron.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A whole cluster for the engine's multi-process tests: the packaged launcher with {@code --embedded} (its own
 * PostgreSQL and its own Redis on free ports, so a test may FLUSHALL without touching anyone else's data),
 * {@code --keep-going} (a killed worker leaves the others running) and a {@code --config} file that compresses
 * time: short leases, a short reconcile interval. Talks to it over HTTP as an integrator would and reads its
 * database directly to check outcomes.
 */
final class EngineCluster implements AutoCloseable {

    /** Settings that make the engine's timing testable in seconds rather than minutes. */
    static final Map<String, String> FAST = Map.ofEntries(
            Map.entry("agentcron.worker.lease", "6s"),
            Map.entry("agentcron.worker.lease-renew-interval", "2s"),
            Map.entry("agentcron.worker.recover-interval", "1s"),
            Map.entry("agentcron.worker.shutdown-grace", "2s"),
            Map.entry("agentcron.housekeeping.poll-interval", "5s"),
            Map.entry("agentcron.housekeeping.reconcile-interval", "10s"),
            Map.entry("agentcron.housekeeping.requeue-interval", "5s"),
            Map.entry("agentcron.housekeeping.requeue-after", "10s"),
            Map.entry("agentcron.rate-limit.per-second", "100000"),
            Map.entry("agentcron.rate-limit.burst", "100000"));

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final Path workDir;
    private final List<String> args;
    private LauncherRun run;
    private String api;
    private String adminKey;

    private EngineCluster(String name, Path workDir, List<String> args) {
        this.name = name;
        this.workDir = workDir;
        this.args = args;
    }

    /** Starts a fresh cluster of one api-service and {@code workers} workers in {@code workDir}; waits for READY. */
    static EngineCluster start(String name, Path workDir, int workers, Map<String, String> overrides) {
        Map<String, String> config = new LinkedHashMap<>(FAST);
        config.putAll(overrides);
        StringBuilder properties = new StringBuilder();
        config.forEach(
                (key, value) -> properties.append(key).append('=').append(value).append('\n'));
        Path configFile;
        try {
            Files.createDirectories(workDir);
            configFile = Files.writeString(workDir.resolve("engine-it.properties"), properties.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int base = freePortBlock(1 + workers);
        List<String> args = List.of(
                "--embedded",
                "--keep-going",
                "--data-dir",
                workDir.resolve("data").toString(),
                "--api-port",
                Integer.toString(base),
                "--worker-port",
                Integer.toString(base + 1),
                "--workers",
                Integer.toString(workers),
                "--config",
                configFile.toString(),
                "--stop-timeout",
                "10",
                "--jvm-opts",
                "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        EngineCluster cluster = new EngineCluster(name, workDir, args);
        cluster.launch(name, true);
        return cluster;
    }

    private void launch(String logName, boolean fresh) {
        List<String> command = new ArrayList<>(args);
        if (fresh) {
            command.add("--fresh");
        }
        run = LauncherRun.start(logName, workDir, command);
        run.awaitReady();
        api = run.readyField("api").split(",")[0] + "/api/v1";
        adminKey = run.readyField("admin-key");
    }

    /** Stops the whole cluster with SIGTERM and waits until every process has ended. */
    void stop() {
        run.terminate();
        run.awaitExit();
    }

    /** Starts the cluster again on the same data directory (same database, same Redis data, same admin key). */
    void restart() {
        launch(name + "-restarted", false);
    }

    LauncherRun launcher() {
        return run;
    }

    /** The worker processes the launcher reported, by name ({@code worker-0}, …). */
    Map<String, LauncherRun.Child> workers() {
        Map<String, LauncherRun.Child> workers = new LinkedHashMap<>();
        run.children().forEach((childName, child) -> {
            if (childName.startsWith("worker-")) {
                workers.put(childName, child);
            }
        });
        return workers;
    }

    /** {@code FLUSHALL} on the cluster's own (embedded) Redis. */
    void flushRedis() throws IOException {
        assertThat(run.usedInstalledRedis()).as("never flush a shared Redis").isFalse();
        LauncherRun.Endpoint redis = run.redis();
        try (RespClient client = RespClient.connect(redis.host(), redis.port(), Duration.ofSeconds(5))) {
            assertThat(client.command("FLUSHALL")).isEqualTo("OK");
        }
    }

    Connection sql() throws SQLException {
        LauncherRun.Endpoint db = run.database();
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("password", "postgres");
        return DriverManager.getConnection("jdbc:postgresql://" + db.host() + ":" + db.port() + "/" + db.name(), props);
    }

    /** Rows of a query as maps of column → value, parameters bound in order. */
    List<Map<String, Object>> query(String sql, Object... params) throws SQLException {
        try (Connection c = sql();
                PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    long count(String sql, Object... params) throws SQLException {
        return ((Number) query(sql, params).get(0).values().iterator().next()).longValue();
    }

    /** Creates an agent from a JSON body and returns it ({@code data}); fails unless 201. */
    JsonNode createAgent(ObjectNode body) {
        Response response = post("/agents", body.toString());
        assertThat(response.status()).as("create agent: %s", response.body()).isEqualTo(201);
        return response.json().path("data");
    }

    /** A minimal agent body: a fast task agent named {@code name}. */
    static ObjectNode agent(String name) {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", name);
        body.put("prompt", "Say hello for " + name);
        return body;
    }

    /** A 6-field cron schedule object. */
    static ObjectNode cron(String expression, int catchupWindowSeconds) {
        ObjectNode schedule = JSON.createObjectNode();
        schedule.put("kind", "cron");
        schedule.put("cron", expression);
        schedule.put("catchup_window_seconds", catchupWindowSeconds);
        return schedule;
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response post(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(api + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + adminKey);
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer. */
    record Response(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }
    }

    @Override
    public void close() {
        if (run != null) {
            if (run.isAlive()) {
                run.terminate();
                try {
                    run.awaitExit();
                } catch (RuntimeException | AssertionError e) {
                    // the last-resort kill below
                }
            }
            run.kill();
        }
    }

    /** The first of {@code count} consecutive ports that are all free now. */
    static int freePortBlock(int count) {
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
