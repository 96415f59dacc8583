package dev.agentcron.local;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcron.model.queue.LuaScripts;
import dev.agentcron.model.queue.RedisKeys;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.core.ConditionTimeoutException;

/**
 * SSE load driver: starts the local cluster with one api-service (heap capped by {@code --jvm-opts}) and no
 * worker, opens N concurrent {@code GET /runs/{id}/events} streams on N runs, then plays the worker's part by
 * appending events to the runs' Redis streams with the worker's script (XADD, then PUBLISH of the run id on
 * the run events channel), each stamped with the time it was appended. Reports the
 * delivery latency (append → received by the client, p50/p99/max), events lost or duplicated, and the
 * api-service's heap and RSS while it holds the streams.
 *
 * <p>{@code mvn -pl deploy/local -am verify -Psse-load -Dsse.streams=1000 -Dsse.rounds=10} ({@code
 * -Dsse.embedded=true}: the launcher's own PostgreSQL and Redis instead of the installed ones; {@code
 * -Dsse.config=a=1,b=2}: extra api-service properties, such as {@code agentcron.sse.*}).
 */
public final class SseLoadDriver {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int streams;
    private final int rounds;
    private final String heap;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(30))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
    private final AtomicInteger connected = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private CountDownLatch done;

    private final boolean embedded;

    private SseLoadDriver(int streams, int rounds, String heap, boolean embedded) {
        this.embedded = embedded;
        this.streams = streams;
        this.rounds = rounds;
        this.heap = heap;
    }

    public static void main(String[] args) throws Exception {
        int streams = Integer.getInteger("sse.streams", 1000);
        int rounds = Integer.getInteger("sse.rounds", 10);
        String heap = System.getProperty("sse.heap", "512m");
        boolean embedded = Boolean.getBoolean("sse.embedded");
        new SseLoadDriver(streams, rounds, heap, embedded).run();
    }

    private void run() throws Exception {
        Path work = Files.createTempDirectory("sse-load");
        String token = Long.toString(System.currentTimeMillis(), 36);
        Path config = work.resolve("load.properties");
        Files.writeString(config, """
                agentcron.rate-limit.per-second=1000000
                agentcron.rate-limit.burst=1000000
                quarkus.http.limits.max-connections=100000
                """ + System.getProperty("sse.config", "").replace(',', '\n') + "\n");
        int base = freePortBlock(2);
        List<String> args = new ArrayList<>(List.of(
                "--data-dir",
                work.resolve("data").toString(),
                "--apis",
                "1",
                "--workers",
                "0",
                "--api-port",
                Integer.toString(base),
                "--worker-port",
                Integer.toString(base + 1),
                "--db-name",
                "agentcron_sse_load_" + token,
                "--key-prefix",
                "sse-load-" + token,
                "--jvm-opts",
                "-Xmx" + heap,
                "--config",
                config.toString()));
        if (embedded) {
            args.add("--embedded");
        }
        LauncherRun cluster = LauncherRun.start("sse-load", work, args);
        try {
            cluster.awaitReady();
            measure(cluster);
        } finally {
            cluster.terminate();
            cluster.awaitExit();
            dropDatabase(cluster);
        }
    }

    private void measure(LauncherRun cluster) throws Exception {
        String api = cluster.readyField("api").split(",")[0];
        String key = cluster.readyField("admin-key");
        long apiPid = cluster.children().values().stream()
                .filter(child -> child.name().startsWith("api"))
                .findFirst()
                .orElseThrow()
                .pid();
        String agent = JSON.readTree(post(api + "/api/v1/agents", key, "{\"name\": \"load\", \"prompt\": \"Load\"}"))
                .path("data")
                .path("id")
                .asText();
        List<String> runs = insertRuns(cluster.database(), agent, streams);
        System.out.printf("sse-load | %d runs recorded; opening %d streams%n", runs.size(), streams);

        done = new CountDownLatch(streams);
        long openStart = System.nanoTime();
        for (String run : runs) {
            open(api, key, run);
        }
        try {
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> connected.get() + failed.get() >= streams);
        } catch (ConditionTimeoutException e) {
            // report how many opened; the run goes on with them
        }
        System.out.printf(
                "sse-load | %d streams open (%d failed) in %d ms%n",
                connected.get(), failed.get(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - openStart));
        Thread.sleep(2000);
        String idleHeap = heap(apiPid);

        LauncherRun.Endpoint redis = cluster.redis();
        String prefix = cluster.output()
                .lines()
                .filter(line -> line.startsWith("launcher | redis "))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                .findFirst()
                .orElseThrow();
        RedisKeys keys = new RedisKeys(prefix, 1);
        try (RespClient client = RespClient.connect(redis.host(), redis.port(), Duration.ofSeconds(5))) {
            String sha = (String) client.command("SCRIPT", "LOAD", LuaScripts.source("run_event_append"));
            for (int round = 0; round < rounds; round++) {
                long roundStart = System.nanoTime();
                for (String run : runs) {
                    String data = "{\"delta\":{\"content\":\"x\"},\"sent_ns\":" + System.nanoTime() + "}";
                    append(client, sha, keys, run, "thread.message.delta", data);
                }
                long spent = System.nanoTime() - roundStart;
                long pause = TimeUnit.SECONDS.toNanos(1) - spent;
                if (pause > 0) {
                    TimeUnit.NANOSECONDS.sleep(pause);
                }
            }
            String busyHeap = heap(apiPid);
            for (String run : runs) {
                append(
                        client,
                        sha,
                        keys,
                        run,
                        "thread.run.completed",
                        "{\"status\":\"completed\",\"usage\":{\"input_tokens\":0,\"output_tokens\":0,\"cost_usd\":0}}");
            }
            boolean allDone = done.await(2, TimeUnit.MINUTES);
            report(allDone, idleHeap, busyHeap);
            for (String run : runs) {
                client.command("UNLINK", keys.runEvents(run));
            }
        }
    }

    /** What the worker's {@code RunEventLog} does: the same script, keys and arguments. */
    private static void append(RespClient client, String sha, RedisKeys keys, String run, String event, String data)
            throws IOException {
        client.command(
                "EVALSHA",
                sha,
                "1",
                keys.runEvents(run),
                keys.runEventsChannel(),
                run,
                "10000",
                "event",
                event,
                "data",
                data);
    }

    private void open(String api, String key, String run) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/api/v1/runs/" + run + "/events"))
                .header("Authorization", "Bearer " + key)
                .timeout(Duration.ofMinutes(30))
                .GET()
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Lines()))
                .whenComplete((response, failure) -> {
                    if (failure != null || response.statusCode() != 200) {
                        failed.incrementAndGet();
                        done.countDown();
                    }
                });
    }

    /** One stream's lines: latency of each delta, duplicates by id, the end at [DONE]. */
    private final class Lines implements Flow.Subscriber<String> {

        private String lastId = "";
        private boolean counted;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            if (!counted) {
                counted = true;
                connected.incrementAndGet();
            }
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith("id:")) {
                String id = line.substring(3).strip();
                if (id.equals(lastId)) {
                    duplicates.incrementAndGet();
                }
                lastId = id;
            } else if (line.startsWith("data:")) {
                int at = line.indexOf("\"sent_ns\":");
                if (at >= 0) {
                    long now = System.nanoTime();
                    long sent = Long.parseLong(
                            line.substring(at + 10, line.indexOf('}', at)).strip());
                    latenciesMicros.add((now - sent) / 1000);
                    received.incrementAndGet();
                } else if (line.contains("[DONE]")) {
                    done.countDown();
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            failed.incrementAndGet();
            done.countDown();
        }

        @Override
        public void onComplete() {}
    }

    private void report(boolean allDone, String idleHeap, String busyHeap) {
        long[] sorted =
                latenciesMicros.stream().mapToLong(Long::longValue).sorted().toArray();
        long expected = (long) streams * rounds;
        System.out.printf(
                "sse-load | RESULT streams=%d rounds=%d heap-limit=%s delivered=%d/%d duplicates=%d failed=%d all-done=%s%n",
                streams, rounds, heap, received.get(), expected, duplicates.get(), failed.get(), allDone);
        if (sorted.length > 0) {
            System.out.printf(
                    "sse-load | RESULT latency p50=%.1f ms p99=%.1f ms max=%.1f ms%n",
                    percentile(sorted, 50) / 1000.0,
                    percentile(sorted, 99) / 1000.0,
                    sorted[sorted.length - 1] / 1000.0);
        }
        System.out.printf("sse-load | RESULT api heap while idle: %s%n", idleHeap);
        System.out.printf("sse-load | RESULT api heap while streaming: %s%n", busyHeap);
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Heap in use after a full GC and the process RSS, as {@code jcmd} and {@code /proc} tell. */
    private static String heap(long pid) {
        try {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            run(jcmd.toString(), Long.toString(pid), "GC.run");
            String info = run(jcmd.toString(), Long.toString(pid), "GC.heap_info");
            String used = Arrays.stream(info.split("\n"))
                    .filter(line -> line.contains("used"))
                    .findFirst()
                    .orElse(info)
                    .strip();
            String rss = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(line -> line.startsWith("VmRSS"))
                    .findFirst()
                    .orElse("VmRSS: ?")
                    .replaceAll("\\s+", " ");
            return used + "; " + rss;
        } catch (Exception e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor(1, TimeUnit.MINUTES);
        return out;
    }

    private List<String> insertRuns(LauncherRun.Endpoint db, String agent, int count) throws Exception {
        List<String> ids = new ArrayList<>(count);
        try (Connection c = connect(db);
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO runs (id, agent_id, workspace_id, trigger, status, attempt, started_at)"
                                + " SELECT ?, id, workspace_id, 'manual', 'running', 1, now() FROM agents WHERE id = ?")) {
            for (int i = 0; i < count; i++) {
                String id = "run_load" + Long.toString(System.nanoTime(), 36) + i;
                insert.setString(1, id);
                insert.setString(2, agent);
                insert.addBatch();
                ids.add(id);
            }
            insert.executeBatch();
        }
        return ids;
    }

    private static Connection connect(LauncherRun.Endpoint db) throws Exception {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        // the driver directly: DriverManager does not see it from the class loader exec:java runs this in
        return new org.postgresql.Driver()
                .connect("jdbc:postgresql://" + db.host() + ":" + db.port() + "/" + db.name(), props);
    }

    private static void dropDatabase(LauncherRun cluster) {
        if (!cluster.usedInstalledPostgres() || !cluster.reportedDatabase()) {
            return;
        }
        LauncherRun.Endpoint db = cluster.database();
        try (Connection c = connect(new LauncherRun.Endpoint(db.host(), db.port(), "postgres"));
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + db.name() + " WITH (FORCE)");
        } catch (Exception e) {
            System.out.println("sse-load | could not drop " + db.name() + ": " + e.getMessage());
        }
    }

    private String post(String url, String key, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " → " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static int freePortBlock(int count) {
        for (int attempt = 0; attempt < 50; attempt++) {
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
