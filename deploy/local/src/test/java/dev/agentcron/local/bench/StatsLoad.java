package dev.agentcron.local.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Load driver of the stats endpoints. It creates a dedicated database, starts one api-service (fast-jar) on it,
 * seeds {@code --agents} agents and {@code --runs} runs spread over the last 30 days with one
 * {@code INSERT ... SELECT generate_series}, then has {@code --clients} concurrent clients call
 * {@code GET /agents/{id}/stats} (a random agent) and {@code GET /agents/stats} alternately, for each period,
 * and prints p50/p90/p99/max latency and requests per second of each endpoint, with the load average.
 *
 * <pre>
 * --runs 1000000 --agents 1000 --clients 16 --warmup 10 --seconds 30 --periods 7d,30d
 * --api-jar api-service/target/quarkus-app/quarkus-run.jar --pg 127.0.0.1:5432 --pg-user postgres
 * --redis redis://127.0.0.1:6379 --database agentcron_stats_load --keep (keep the database afterwards)
 * --cache-ttl 5s (the api's agentcron.stats.cache-ttl; 0s: every request aggregates in PostgreSQL)
 * </pre>
 */
public final class StatsLoad {

    private final Map<String, String> options;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private StatsLoad(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of(
                "runs", "1000000",
                "agents", "1000",
                "clients", "16",
                "warmup", "10",
                "seconds", "30",
                "periods", "7d,30d",
                "api-jar", "api-service/target/quarkus-app/quarkus-run.jar",
                "pg", "127.0.0.1:5432",
                "pg-user", "postgres",
                "redis", "redis://127.0.0.1:6379"));
        options.put("database", "agentcron_stats_load");
        options.put("cache-ttl", "5s");
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            if (name.equals("keep")) {
                options.put("keep", "true");
            } else {
                options.put(name, args[++i]);
            }
        }
        new StatsLoad(options).run();
    }

    private int integer(String name) {
        return Integer.parseInt(options.get(name));
    }

    private String jdbc(String database) {
        return "jdbc:postgresql://" + options.get("pg") + "/" + database;
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(
                jdbc(database), options.get("pg-user"), options.getOrDefault("pg-password", ""));
    }

    private void run() throws Exception {
        String database = options.get("database");
        recreate(database);
        String key = "stats-load-" + HexFormat.of().formatHex(SecureRandom.getSeed(12));
        int port = freePort();
        Process api = startApi(database, key, port);
        try {
            String base = "http://127.0.0.1:" + port;
            awaitReady(base);
            List<String> agents;
            try (Connection connection = connect(database)) {
                agents = seed(connection);
            }
            System.out.printf(
                    Locale.ROOT, "machine: %d cores, %s%n", Runtime.getRuntime().availableProcessors(), cpuModel());
            for (String period : options.get("periods").split(",")) {
                load(base, key, agents, period.strip());
            }
        } finally {
            api.destroy();
            if (!api.waitFor(20, TimeUnit.SECONDS)) {
                api.destroyForcibly();
            }
            if (!options.containsKey("keep")) {
                drop(database);
            }
        }
    }

    private void recreate(String database) throws SQLException {
        drop(database);
        try (Connection connection = connect("postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
    }

    private void drop(String database) throws SQLException {
        try (Connection connection = connect("postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private Process startApi(String database, String key, int port) throws IOException {
        Path log = Path.of("target", "stats-load", "api.log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.datasource.reactive.url=postgresql://" + options.get("pg") + "/" + database,
                "-Dquarkus.datasource.jdbc.url=" + jdbc(database),
                "-Dquarkus.datasource.username=" + options.get("pg-user"),
                "-Dquarkus.datasource.password=" + options.getOrDefault("pg-password", ""),
                "-Dquarkus.redis.hosts=" + options.get("redis"),
                "-Dagentcron.redis.key-prefix=stats-load-" + port,
                "-Dagentcron.bootstrap-key=" + key,
                "-Dagentcron.rate-limit.per-second=1000000",
                "-Dagentcron.rate-limit.burst=1000000",
                "-Dagentcron.stats.cache-ttl=" + options.get("cache-ttl"),
                "-Dquarkus.banner.enabled=false",
                "-jar",
                options.get("api-jar")));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private void awaitReady(String base) {
        HttpRequest ready =
                HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build();
        try {
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptionsInstanceOf(IOException.class) // still starting
                    .until(() -> http.send(ready, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200);
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("api-service did not become ready; see target/stats-load/api.log", e);
        }
    }

    /**
     * Agents (90% active) and runs spread evenly over the last 30 days (queued times are a fixed permutation of
     * the run numbers, so every run is reproducible), in one statement each; then VACUUM ANALYZE.
     */
    private List<String> seed(Connection connection) throws SQLException {
        int agentCount = integer("agents");
        int runCount = integer("runs");
        try (Statement statement = connection.createStatement()) {
            String workspace = single(statement, "SELECT workspace_id FROM api_keys ORDER BY created_at LIMIT 1");
            long started = System.nanoTime();
            statement.execute("""
                    INSERT INTO agents (id, workspace_id, name, prompt, model_id, status)
                    SELECT 'agt_load' || lpad(g::text, 6, '0'), '%s', 'load agent ' || g, 'Report', 'gpt-4o-mini',
                           CASE WHEN g %% 10 = 0 THEN 'paused' ELSE 'active' END
                      FROM generate_series(1, %d) g""".formatted(workspace, agentCount));
            statement.execute("""
                    INSERT INTO runs (id, agent_id, workspace_id, trigger, status, queued_at, started_at,
                                      completed_at, duration_ms, cost_usd, input_tokens, output_tokens)
                    SELECT 'run_load' || lpad(g::text, 9, '0'),
                           'agt_load' || lpad((1 + g %% %2$d)::text, 6, '0'), '%1$s', 'schedule',
                           CASE WHEN g > %3$d - 5 THEN 'running'
                                ELSE (ARRAY['success', 'success', 'success', 'success', 'success', 'success',
                                            'error', 'skipped', 'timed_out', 'cancelled'])[1 + g %% 10] END,
                           t.queued_at, t.queued_at, t.queued_at + interval '1 minute',
                           CASE WHEN g > %3$d - 5 THEN NULL ELSE (random() * 120000)::bigint END,
                           round((random() * 0.05)::numeric, 8), (random() * 2000)::int, (random() * 800)::int
                      FROM generate_series(1, %3$d) g,
                           LATERAL (SELECT now() - ((g::bigint * 7919) %% %3$d)::float8 / %3$d * interval '30 days'
                                    AS queued_at) t""".formatted(workspace, agentCount, runCount));
            statement.execute("VACUUM ANALYZE runs");
            statement.execute("VACUUM ANALYZE agents");
            System.out.printf(
                    Locale.ROOT,
                    "seeded %d agents and %d runs in %.1f s%n",
                    agentCount,
                    runCount,
                    (System.nanoTime() - started) / 1e9);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT id FROM agents ORDER BY id")) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** Latencies of one endpoint, in nanoseconds. */
    private static final class Samples {
        private long[] values = new long[1 << 16];
        private int size;

        synchronized void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        synchronized long[] sorted() {
            long[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }
    }

    private void load(String base, String key, List<String> agents, String period) throws Exception {
        int clients = integer("clients");
        long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(integer("warmup"));
        long end = warmupEnd + TimeUnit.SECONDS.toNanos(integer("seconds"));
        Samples agentStats = new Samples();
        Samples globalStats = new Samples();
        AtomicLong failures = new AtomicLong();
        String loadBefore = loadAverage();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                try {
                    long i = client;
                    while (System.nanoTime() < end) {
                        boolean global = (i++ & 1) == 1;
                        String path = global
                                ? "/api/v1/agents/stats?period=" + period
                                : "/api/v1/agents/"
                                        + agents.get(ThreadLocalRandom.current().nextInt(agents.size()))
                                        + "/stats?period=" + period;
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                                .header("Authorization", "Bearer " + key)
                                .timeout(Duration.ofSeconds(30))
                                .build();
                        long started = System.nanoTime();
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long finished = System.nanoTime();
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                        } else if (started >= warmupEnd) {
                            (global ? globalStats : agentStats).add(finished - started);
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    failures.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
            thread.setDaemon(true);
            thread.start();
        }
        done.await();
        double seconds = integer("seconds");
        System.out.printf(
                Locale.ROOT,
                "period %s, cache-ttl %s, %d clients, %d s measured after %d s warm-up, failures %d, load average before %s after %s%n",
                period,
                options.get("cache-ttl"),
                clients,
                integer("seconds"),
                integer("warmup"),
                failures.get(),
                loadBefore,
                loadAverage());
        report("GET /agents/{id}/stats", agentStats.sorted(), seconds);
        report("GET /agents/stats", globalStats.sorted(), seconds);
    }

    private static void report(String name, long[] sorted, double seconds) {
        if (sorted.length == 0) {
            System.out.printf(Locale.ROOT, "  %-24s no samples%n", name);
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "  %-24s %7d requests %8.1f req/s  p50 %7.2f ms  p90 %7.2f ms  p99 %7.2f ms  max %7.2f ms%n",
                name,
                sorted.length,
                sorted.length / seconds,
                percentile(sorted, 0.50),
                percentile(sorted, 0.90),
                percentile(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(rank, sorted.length - 1))] / 1e6;
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
