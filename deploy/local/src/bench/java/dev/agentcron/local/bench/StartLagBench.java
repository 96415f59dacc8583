package dev.agentcron.local.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentcron.model.queue.RedisKeys;
import dev.agentcron.model.queue.RedisScripts;
import dev.agentcron.model.schedule.ScheduleParser;
import dev.agentcron.model.schedule.ScheduleRegistry;
import dev.agentcron.model.schedule.ScheduleSpec;
import dev.agentcron.model.schedule.ScheduleTimes;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.smallrye.mutiny.Multi;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;

/**
 * Start lag of scheduled runs on a whole local cluster (the launcher jar: one api-service, N worker-services, the
 * installed PostgreSQL with the benchmark's own database, the benchmark's own Redis, the instant gateway stub).
 *
 * <ol>
 *   <li>starts the launcher with {@code --fresh} and waits for its READY line;
 *   <li>inserts one workspace, N agents and N cron schedules straight into its database (COPY), each schedule
 *       with the spec the API would have stored ({@link ScheduleParser} normalizes it) and its first occurrence;
 *   <li>registers every schedule through the engine's {@link ScheduleRegistry} (the {@code schedule_register}
 *       script the api-service runs after a write), from the first full minute after the inserts, with the
 *       version the worker's reconciler computes, so the reconciler finds nothing to change;
 *   <li>lets the workers' tickers fire and their consumers run the occurrences for {@code --warmup-minutes}
 *       (default 1: JIT, pools and caches warm up under the same load; not measured), then for the measured
 *       window of {@code --minutes} minutes;
 *   <li>reads {@code started_at − scheduled_for} of every run in the window from the runs table once every
 *       occurrence started or {@code --drain-seconds} after the window (the cutoff), and counts the occurrences
 *       the engine missed (the schedules' {@code missed_count}: dropped outside the catch-up window), fired more
 *       than once (XADDed twice to the scheduled stream, or more than one run row), not fired by the cutoff (late,
 *       still inside the catch-up window) and not started by the cutoff (their lag counts as infinite);
 *   <li>reads the fire lag of every occurrence of the window from the scheduled stream: the time of its first
 *       XADD (the entry id, Redis's clock) − {@code scheduled_for}, i.e. the ticker alone, without the run
 *       pipeline. With workers that run only the ticker ({@code agentcron.worker.roles=ticker} in a {@code
 *       --cluster-config}) this measures the scheduler at a load no run pipeline on this host could follow.
 * </ol>
 *
 * <p>Patterns: {@code spread} — schedule i fires at second {@code i mod 60} of every minute (6-field cron), so
 * N/60 are due each second; {@code burst} — every schedule fires at second 0 ({@code * * * * *} every minute),
 * N due in the same second once a minute.
 */
final class StartLagBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WORKSPACE = "wsp_bench";

    private StartLagBench() {}

    static void run(BenchArgs args) throws Exception {
        int schedules = args.integer("schedules", 10_000);
        String pattern = args.text("pattern", "spread");
        String outputMode = args.text("output-mode", "task"); // draft: each run also writes a draft artifact
        int workers = args.integer("workers", 1);
        int minutes = args.integer("minutes", 2);
        int warmupMinutes = args.integer("warmup-minutes", 1);
        int drainSeconds = args.integer("drain-seconds", 120);
        if ((warmupMinutes + minutes) * 60 + drainSeconds > 9 * 60) {
            System.out.println("WARNING: the workers trim acknowledged jobs older than 10 minutes from the stream"
                    + " (agentcron.housekeeping.job-stream-retention): raise it with --cluster-config, or the fire"
                    + " lags and doubled fires of the window's first minutes are lost");
        }
        String redisUrl = args.text("redis-url", "redis://127.0.0.1:6390");
        int redisPort = Integer.parseInt(redisUrl.substring(redisUrl.lastIndexOf(':') + 1));
        String pgHost = args.text("pg-host", "127.0.0.1");
        int pgPort = args.integer("pg-port", 5432);
        String dbName = args.text("db-name", "agentcron_bench");
        String keyPrefix = args.text("key-prefix", "bench");
        Path outDir = Path.of(args.text("out-dir", "deploy/local/target/bench"));
        Path jar = Path.of(args.text("launcher-jar", "deploy/local/target/agentcron-local.jar"));
        java.util.Optional<Path> clusterConfig =
                java.util.Optional.ofNullable(args.text("cluster-config", null)).map(Path::of);
        String label = args.text(
                "label",
                String.format(Locale.ROOT, "%s-%dk-%dw", pattern, schedules / 1000, workers)
                        + (outputMode.equals("task") ? "" : "-" + outputMode)
                        + clusterConfig
                                .map(file -> "-" + file.getFileName().toString().replaceFirst("\\.properties$", ""))
                                .orElse(""));
        if (!pattern.equals("spread") && !pattern.equals("burst")) {
            throw new IllegalArgumentException("--pattern spread|burst");
        }
        if (!outputMode.equals("task") && !outputMode.equals("draft")) {
            throw new IllegalArgumentException("--output-mode task|draft");
        }
        Files.createDirectories(outDir);
        Machine machine = new Machine();
        System.out.println("machine: " + Machine.describe());
        System.out.printf(
                Locale.ROOT,
                "start-lag %s: %d schedules, %s, %d worker(s), %d minute(s)%n",
                label,
                schedules,
                pattern,
                workers,
                minutes);

        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-jar",
                jar.toString(),
                "--apis",
                "1",
                "--workers",
                Integer.toString(workers),
                "--fresh",
                "--data-dir",
                outDir.resolve("cluster").toString(),
                "--pg-host",
                pgHost,
                "--pg-port",
                Integer.toString(pgPort),
                "--db-name",
                dbName,
                "--redis-port",
                Integer.toString(redisPort),
                "--key-prefix",
                keyPrefix,
                "--api-port",
                args.text("api-port", "18080"),
                "--worker-port",
                args.text("worker-port", "18090")));
        clusterConfig.ifPresent(
                file -> command.addAll(List.of("--config", file.toAbsolutePath().toString())));
        java.util.Optional.ofNullable(args.text("jvm-opts", null)) // e.g. a JFR recording of every service
                .ifPresent(options -> command.addAll(List.of("--jvm-opts", options)));
        System.out.println("cluster: " + String.join(" ", command));
        Process cluster = startCluster(command, outDir.resolve("cluster-" + label + ".log"));
        try (BenchRedis redis = BenchRedis.connect(redisUrl);
                Connection db = DriverManager.getConnection(
                        "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + dbName,
                        "postgres",
                        args.text("pg-password", "postgres"))) {
            RedisKeys keys = new RedisKeys(keyPrefix, 1);
            List<ScheduleSpec> specs = new ArrayList<>(schedules);
            for (int i = 0; i < schedules; i++) {
                specs.add(spec(pattern, i));
            }
            Instant version = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            long registrationBudget = 20 + schedules / 2000; // seconds: inserts and registration before the load
            Instant loadStart = Instant.now()
                    .plusSeconds(registrationBudget)
                    .truncatedTo(ChronoUnit.MINUTES)
                    .plus(1, ChronoUnit.MINUTES);
            // the same load runs for the warm-up minutes first (JIT, pools, caches); only the window is measured
            Instant windowStart = loadStart.plus(warmupMinutes, ChronoUnit.MINUTES);
            Instant windowEnd = windowStart.plus(minutes, ChronoUnit.MINUTES);

            long insertStart = System.nanoTime();
            insert(db, specs, outputMode, version, loadStart);
            double insertSeconds = (System.nanoTime() - insertStart) / 1e9;
            long registerStart = System.nanoTime();
            register(redis, keys, specs, version, loadStart);
            double registerSeconds = (System.nanoTime() - registerStart) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "inserted in %.1f s, registered in %.1f s; load from %s, measured window %s .. %s%n",
                    insertSeconds,
                    registerSeconds,
                    loadStart,
                    windowStart,
                    windowEnd);
            if (Instant.now().isAfter(loadStart)) {
                System.out.println(
                        "WARNING: registration ended after the load began; the first fires of the warm-up are late");
            }

            Map<String, List<Instant>> expected = expected(specs, windowStart, windowEnd);
            int expectedCount = expected.values().stream().mapToInt(List::size).sum();
            Instant drainUntil = windowEnd.plusSeconds(drainSeconds);
            while (Instant.now().isBefore(drainUntil)) {
                machine.sample();
                long started = countStarted(db, windowStart, windowEnd);
                if (Instant.now().isAfter(windowEnd) && started >= expectedCount) {
                    break;
                }
                if (!cluster.isAlive()) {
                    throw new IllegalStateException("The cluster stopped; see its log in " + outDir);
                }
                TimeUnit.SECONDS.sleep(5);
            }

            Fired fired = fired(redis, keys, windowStart, windowEnd);
            Result result = collect(db, expected, fired, windowStart, windowEnd);
            result.print(label, machine);
            if (outputMode.equals("draft")) {
                System.out.println(
                        "draft artifacts written by the window's runs: " + artifacts(db, windowStart, windowEnd));
            }
            result.write(outDir, label, machine, schedules, pattern, workers, minutes, warmupMinutes, windowStart);
        } finally {
            stopCluster(cluster);
        }
        if (args.has("peer")) {
            PeerSchedulers.run(args, outDir, schedules, minutes);
        }
    }

    private static ScheduleSpec spec(String pattern, int i) {
        String cron = pattern.equals("burst") ? "0 * * * * *" : (i % 60) + " * * * * *";
        ObjectNode body =
                JSON.createObjectNode().put("kind", "cron").put("cron", cron).put("timezone", "UTC");
        return ScheduleParser.parse(body, "schedule", null);
    }

    private static String agentId(int i) {
        return String.format(Locale.ROOT, "agt_bench%06d", i);
    }

    private static String scheduleId(int i) {
        return String.format(Locale.ROOT, "sch_bench%06d", i);
    }

    private static Process startCluster(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CountDownLatch ready = new CountDownLatch(1);
        Thread copier = new Thread(
                () -> {
                    try (BufferedReader in = new BufferedReader(
                                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                            PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
                        for (String line; (line = in.readLine()) != null; ) {
                            out.println(line);
                            if (line.startsWith("READY")) {
                                ready.countDown();
                            }
                        }
                    } catch (IOException e) {
                        // the cluster's output ended
                    }
                },
                "cluster-log");
        copier.setDaemon(true);
        copier.start();
        if (!ready.await(3, TimeUnit.MINUTES)) {
            process.destroy();
            throw new IllegalStateException("The cluster did not print READY within 3 minutes; see " + log);
        }
        return process;
    }

    private static void stopCluster(Process cluster) throws InterruptedException {
        cluster.destroy(); // SIGTERM: the launcher stops its services, PostgreSQL connections and all
        if (!cluster.waitFor(60, TimeUnit.SECONDS)) {
            cluster.destroyForcibly();
        }
    }

    private static void insert(
            Connection db, List<ScheduleSpec> specs, String outputMode, Instant version, Instant firstFrom)
            throws SQLException, IOException {
        try (PreparedStatement workspace =
                db.prepareStatement("INSERT INTO workspaces (id, name) VALUES (?, 'bench') ON CONFLICT DO NOTHING")) {
            workspace.setString(1, WORKSPACE);
            workspace.executeUpdate();
        }
        String at = version.toString();
        // draft mode: 1000 drafts a day per agent, never reached; task mode: no daily limit, as the API's default
        String dailyLimit = outputMode.equals("draft") ? "\t1000\t" : "\t\\N\t";
        StringBuilder agents = new StringBuilder();
        StringBuilder schedules = new StringBuilder();
        for (int i = 0; i < specs.size(); i++) {
            ScheduleSpec spec = specs.get(i);
            agents.append(agentId(i))
                    .append('\t')
                    .append(WORKSPACE)
                    .append("\tbench agent ")
                    .append(i)
                    .append("\tgpt-4o-mini\tSay hello.\t")
                    .append(outputMode)
                    .append(dailyLimit)
                    .append(at)
                    .append('\t')
                    .append(at)
                    .append('\n');
            schedules
                    .append(scheduleId(i))
                    .append('\t')
                    .append(agentId(i))
                    .append('\t')
                    .append(WORKSPACE)
                    .append("\ttrue\tcron\t")
                    .append(spec.toJson().toString().replace("\\", "\\\\"))
                    .append("\tUTC\t")
                    .append(ScheduleTimes.next(spec, firstFrom))
                    .append('\t')
                    .append(at)
                    .append('\t')
                    .append(at)
                    .append('\n');
        }
        PGConnection pg = db.unwrap(PGConnection.class);
        pg.getCopyAPI()
                .copyIn(
                        "COPY agents (id, workspace_id, name, model_id, prompt, output_mode, daily_limit, created_at,"
                                + " updated_at) FROM STDIN",
                        new StringReader(agents.toString()));
        pg.getCopyAPI()
                .copyIn(
                        "COPY schedules (id, agent_id, workspace_id, is_primary, kind, spec, timezone, next_fire_at,"
                                + " created_at, updated_at) FROM STDIN",
                        new StringReader(schedules.toString()));
    }

    private static void register(
            BenchRedis redis, RedisKeys keys, List<ScheduleSpec> specs, Instant version, Instant from) {
        ScheduleRegistry registry = new ScheduleRegistry(new RedisScripts(redis.dataSource()), keys);
        long versionMillis = version.toEpochMilli();
        Multi.createFrom()
                .range(0, specs.size())
                .onItem()
                .transformToUni(i -> registry.register(scheduleId(i), agentId(i), versionMillis, specs.get(i), from))
                .merge(128)
                .collect()
                .last()
                .await()
                .atMost(Duration.ofMinutes(10));
    }

    private static Map<String, List<Instant>> expected(List<ScheduleSpec> specs, Instant start, Instant end) {
        Map<String, List<Instant>> expected = new HashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            List<Instant> occurrences = new ArrayList<>();
            for (Instant next = ScheduleTimes.next(specs.get(i), start);
                    next != null && next.isBefore(end);
                    next = ScheduleTimes.next(specs.get(i), next.plusMillis(1))) {
                occurrences.add(next);
            }
            expected.put(scheduleId(i), occurrences);
        }
        return expected;
    }

    /** Runs of the window that started. */
    private static long countStarted(Connection db, Instant start, Instant end) throws SQLException {
        return countInWindow(
                db,
                "SELECT count(*) FROM runs r WHERE r.trigger = 'schedule' AND r.started_at IS NOT NULL",
                start,
                end);
    }

    /** Draft artifacts the window's runs wrote. */
    private static long artifacts(Connection db, Instant start, Instant end) throws SQLException {
        return countInWindow(
                db,
                "SELECT count(*) FROM artifacts a JOIN runs r ON r.id = a.run_id WHERE r.trigger = 'schedule'",
                start,
                end);
    }

    /** {@code countQuery} (a count over runs {@code r}) limited to the runs scheduled in [start, end). */
    private static long countInWindow(Connection db, String countQuery, Instant start, Instant end)
            throws SQLException {
        try (PreparedStatement query =
                db.prepareStatement(countQuery + " AND r.scheduled_for >= ? AND r.scheduled_for < ?")) {
            query.setTimestamp(1, Timestamp.from(start));
            query.setTimestamp(2, Timestamp.from(end));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * How many times each occurrence of the window was XADDed to the scheduled stream, and when first (the
     * entry id's time, set by Redis), by "schedule@epochms".
     */
    private record Fired(Map<String, Integer> counts, Map<String, Long> firstAt) {}

    private static Fired fired(BenchRedis redis, RedisKeys keys, Instant start, Instant end) {
        Map<String, Integer> fired = new HashMap<>();
        Map<String, Long> firstAt = new HashMap<>();
        String stream = keys.scheduledJobs(0);
        String from = "-";
        while (true) {
            List<StreamMessage<String, String, String>> page = redis.dataSource().stream(
                            String.class, String.class, String.class)
                    .xrange(stream, new io.quarkus.redis.datasource.stream.StreamRange(from, "+"), 10_000)
                    .await()
                    .atMost(Duration.ofMinutes(1));
            for (StreamMessage<String, String, String> message : page) {
                Map<String, String> fields = message.payload();
                long occurrence = Long.parseLong(fields.getOrDefault("scheduled_for", "0"));
                if (occurrence >= start.toEpochMilli() && occurrence < end.toEpochMilli()) {
                    String key = fields.get("schedule_id") + "@" + occurrence;
                    fired.merge(key, 1, Integer::sum);
                    firstAt.merge(
                            key,
                            Long.parseLong(
                                    message.id().substring(0, message.id().indexOf('-'))),
                            Math::min);
                }
            }
            if (page.size() < 10_000) {
                return new Fired(fired, firstAt);
            }
            from = "(" + page.get(page.size() - 1).id();
        }
    }

    private static Result collect(
            Connection db, Map<String, List<Instant>> expected, Fired fired, Instant start, Instant end)
            throws SQLException {
        Map<String, Integer> rows = new HashMap<>();
        Map<String, Long> lags = new HashMap<>();
        Map<String, Integer> statuses = new java.util.TreeMap<>();
        try (PreparedStatement query =
                db.prepareStatement("SELECT schedule_id, scheduled_for, started_at, status FROM runs"
                        + " WHERE trigger = 'schedule' AND scheduled_for >= ? AND scheduled_for < ?")) {
            query.setTimestamp(1, Timestamp.from(start));
            query.setTimestamp(2, Timestamp.from(end));
            query.setFetchSize(10_000);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    String key = result.getString(1) + "@"
                            + result.getTimestamp(2).toInstant().toEpochMilli();
                    rows.merge(key, 1, Integer::sum);
                    if (!"success".equals(result.getString(4))) {
                        statuses.merge(result.getString(4), 1, Integer::sum);
                    }
                    Timestamp started = result.getTimestamp(3);
                    if (started != null) {
                        long lag = Duration.between(result.getTimestamp(2).toInstant(), started.toInstant())
                                .toMillis();
                        lags.merge(key, lag, Math::min);
                    }
                }
            }
        }
        long missed;
        try (PreparedStatement query = db.prepareStatement("SELECT coalesce(sum(missed_count), 0) FROM schedules");
                ResultSet result = query.executeQuery()) {
            result.next();
            missed = result.getLong(1);
        }
        double startedPerSecond = startedPerSecond(db, start, end);
        int expectedCount = 0;
        int notFired = 0;
        int notStarted = 0;
        long[] values = new long[expected.values().stream().mapToInt(List::size).sum()];
        long[] fireLags = new long[values.length];
        Set<String> expectedKeys = new HashSet<>();
        for (Map.Entry<String, List<Instant>> schedule : expected.entrySet()) {
            for (Instant occurrence : schedule.getValue()) {
                String key = schedule.getKey() + "@" + occurrence.toEpochMilli();
                expectedKeys.add(key);
                if (!fired.counts().containsKey(key) && !rows.containsKey(key)) {
                    notFired++;
                }
                Long firedAt = fired.firstAt().get(key);
                fireLags[expectedCount] = firedAt == null ? Long.MAX_VALUE : firedAt - occurrence.toEpochMilli();
                Long lag = lags.get(key);
                if (lag == null) {
                    notStarted++;
                }
                values[expectedCount++] = lag == null ? Long.MAX_VALUE : lag;
            }
        }
        int doubledFires =
                fired.counts().values().stream().mapToInt(count -> count - 1).sum();
        int doubledRuns = rows.values().stream().mapToInt(count -> count - 1).sum();
        int unexpected = (int) rows.keySet().stream()
                .filter(key -> !expectedKeys.contains(key))
                .count();
        return new Result(
                expectedCount,
                fired.counts().size(),
                notFired,
                missed,
                doubledFires,
                doubledRuns,
                unexpected,
                notStarted,
                statuses,
                startedPerSecond,
                Percentiles.of(values),
                Percentiles.of(fireLags));
    }

    /** Runs of the window started per second, from the window's start to the last start (the rate sustained). */
    private static double startedPerSecond(Connection db, Instant start, Instant end) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT count(*), extract(epoch FROM max(started_at) - ?)"
                + " FROM runs WHERE trigger = 'schedule' AND started_at IS NOT NULL"
                + " AND scheduled_for >= ? AND scheduled_for < ?")) {
            query.setTimestamp(1, Timestamp.from(start));
            query.setTimestamp(2, Timestamp.from(start));
            query.setTimestamp(3, Timestamp.from(end));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                double seconds = result.getDouble(2);
                return seconds <= 0 ? 0 : result.getLong(1) / seconds;
            }
        }
    }

    private record Result(
            int expected,
            int fired,
            int notFired,
            long missed,
            int doubledFires,
            int doubledRuns,
            int unexpected,
            int notStarted,
            Map<String, Integer> notSucceeded,
            double startedPerSecond,
            Percentiles lags,
            Percentiles fireLags) {

        void print(String label, Machine machine) {
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %d | %d | %s | %s | %s | %d | %d | %d | %d | %.0f | %s |%n",
                    label,
                    expected,
                    expected - notStarted,
                    Percentiles.format(lags.at(50)),
                    Percentiles.format(lags.at(99)),
                    Percentiles.format(lags.max()),
                    missed,
                    doubledFires + doubledRuns,
                    notFired,
                    notStarted,
                    startedPerSecond,
                    machine.summary());
            System.out.printf(
                    Locale.ROOT,
                    "fire lag (XADD by the ticker - scheduled_for): p50 %s, p99 %s, max %s%n",
                    Percentiles.format(fireLags.at(50)),
                    Percentiles.format(fireLags.at(99)),
                    Percentiles.format(fireLags.max()));
            System.out.println("runs of the window that did not end in success: " + notSucceeded);
            if (unexpected > 0) {
                System.out.println("runs for occurrences outside the expected set: " + unexpected);
            }
        }

        void write(
                Path dir,
                String label,
                Machine machine,
                int schedules,
                String pattern,
                int workers,
                int minutes,
                int warmupMinutes,
                Instant windowStart)
                throws IOException {
            ObjectNode json = JSON.createObjectNode()
                    .put("label", label)
                    .put("schedules", schedules)
                    .put("pattern", pattern)
                    .put("workers", workers)
                    .put("minutes", minutes)
                    .put("warmupMinutes", warmupMinutes)
                    .put("windowStart", windowStart.toString())
                    .put("machine", Machine.describe())
                    .put("load1Mean", machine.mean())
                    .put("load1Max", machine.max())
                    .put("expected", expected)
                    .put("fired", fired)
                    .put("started", expected - notStarted)
                    .put("missed", missed)
                    .put("notFiredByCutoff", notFired)
                    .put("startedPerSecond", startedPerSecond)
                    .put("doubledFires", doubledFires)
                    .put("doubledRuns", doubledRuns)
                    .put("unexpectedRuns", unexpected)
                    .put("notStartedByCutoff", notStarted)
                    .put("notSucceeded", notSucceeded.toString())
                    .put("p50Ms", lags.at(50))
                    .put("p99Ms", lags.at(99))
                    .put("maxMs", lags.max())
                    .put("fireP50Ms", fireLags.at(50))
                    .put("fireP99Ms", fireLags.at(99))
                    .put("fireMaxMs", fireLags.max());
            Files.writeString(
                    dir.resolve("start-lag-" + label + ".json"),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
            StringBuilder values = new StringBuilder();
            for (long lag : lags.sorted()) {
                values.append(lag == Long.MAX_VALUE ? "inf" : Long.toString(lag))
                        .append('\n');
            }
            Files.writeString(dir.resolve("start-lag-" + label + ".lags"), values);
            StringBuilder fired = new StringBuilder();
            for (long lag : fireLags.sorted()) {
                fired.append(lag == Long.MAX_VALUE ? "inf" : Long.toString(lag)).append('\n');
            }
            Files.writeString(dir.resolve("fire-lag-" + label + ".lags"), fired);
        }
    }
}
