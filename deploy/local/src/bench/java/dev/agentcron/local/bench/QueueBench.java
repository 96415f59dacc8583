package dev.agentcron.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentcron.model.queue.Job;
import dev.agentcron.model.queue.JobQueue;
import dev.agentcron.model.queue.RedisKeys;
import dev.agentcron.worker.queue.JobConsumer;
import dev.agentcron.worker.queue.RunDispatcher;
import dev.agentcron.worker.queue.WorkerIdentity;
import dev.agentcron.worker.queue.WorkerSettings;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Queue throughput, enqueue → consume → ack of no-op jobs, agentcron and BullMQ on the same Redis in the same run,
 * alternating round by round.
 *
 * <p>agentcron side: {@link JobQueue#enqueue} puts N {@code run} jobs on the scheduled stream (up to 256 XADDs in
 * flight), then the worker's own {@link JobConsumer} reads them with XREADGROUP (COUNT = free slots of
 * {@code concurrency}) and XACKs each after a {@link RunDispatcher} whose {@code accept} does nothing. Consumption
 * ends when every job was handed over and XPENDING shows none left.
 *
 * <p>BullMQ side ({@code deploy/local/bench/bullmq/queue-bench.mjs}): {@code addBulk} of the same N jobs in batches
 * of 1000, then one {@code Worker} at the same concurrency with a no-op processor, {@code removeOnComplete}.
 */
final class QueueBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    private QueueBench() {}

    static void run(BenchArgs args) throws Exception {
        int jobs = args.integer("jobs", 100_000);
        int concurrency = args.integer("concurrency", 100);
        int rounds = args.integer("rounds", 3);
        String redisUrl = args.text("redis-url", "redis://127.0.0.1:6390");
        Path outDir = Path.of(args.text("out-dir", "deploy/local/target/bench"));
        Path bullmq = Path.of(args.text("bullmq-dir", "deploy/local/bench/bullmq"));
        Files.createDirectories(outDir);
        Machine machine = new Machine();
        System.out.println("machine: " + Machine.describe());
        System.out.printf(
                Locale.ROOT, "queue: %d jobs, concurrency %d, %d rounds, %s%n", jobs, concurrency, rounds, redisUrl);

        List<double[]> ours = new ArrayList<>();
        List<double[]> theirs = new ArrayList<>();
        try (BenchRedis redis = BenchRedis.connect(redisUrl)) {
            int warmup = args.integer("warmup-jobs", 20_000);
            if (warmup > 0) {
                System.out.println("warm-up round, not counted: " + warmup + " jobs each");
                agentcron(redis, "qbench0", warmup, concurrency);
                bullmq(bullmq, redisUrl, warmup, concurrency);
            }
            for (int round = 1; round <= rounds; round++) {
                machine.sample();
                double[] a = agentcron(redis, "qbench" + round, jobs, concurrency);
                machine.sample();
                System.out.printf(
                        Locale.ROOT, "round %d agentcron enqueue %.0f/s consume+ack %.0f/s%n", round, a[0], a[1]);
                double[] b = bullmq(bullmq, redisUrl, jobs, concurrency);
                machine.sample();
                System.out.printf(
                        Locale.ROOT, "round %d bullmq    enqueue %.0f/s consume+ack %.0f/s%n", round, b[0], b[1]);
                ours.add(a);
                theirs.add(b);
            }
        }
        double ourEnqueue = median(ours, 0);
        double ourConsume = median(ours, 1);
        double ourTotal = median(ours, 2);
        double theirEnqueue = median(theirs, 0);
        double theirConsume = median(theirs, 1);
        double theirTotal = median(theirs, 2);
        System.out.println();
        System.out.println("| queue (median of " + rounds + " rounds, " + jobs
                + " jobs) | enqueue jobs/s | consume+ack jobs/s | enqueue→ack end to end jobs/s |");
        System.out.println("|---|---|---|---|");
        System.out.printf(
                Locale.ROOT,
                "| agentcron (JobQueue + JobConsumer) | %.0f | %.0f | %.0f |%n",
                ourEnqueue,
                ourConsume,
                ourTotal);
        System.out.printf(
                Locale.ROOT, "| BullMQ 6.7.0 | %.0f | %.0f | %.0f |%n", theirEnqueue, theirConsume, theirTotal);
        System.out.printf(
                Locale.ROOT,
                "| **ratio agentcron / BullMQ** | **%.2f×** | **%.2f×** | **%.2f×** |%n",
                ourEnqueue / theirEnqueue,
                ourConsume / theirConsume,
                ourTotal / theirTotal);
        System.out.println(machine.summary());

        ObjectNode result = JSON.createObjectNode();
        result.put("machine", Machine.describe());
        result.put("load", machine.summary());
        result.put("jobs", jobs);
        result.put("concurrency", concurrency);
        result.putPOJO("agentcron", ours);
        result.putPOJO("bullmq", theirs);
        Files.writeString(
                outDir.resolve("queue.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
    }

    /** Returns {enqueue/s, consume+ack/s, end-to-end/s}. */
    private static double[] agentcron(BenchRedis redis, String prefix, int jobs, int concurrency) {
        ReactiveRedisDataSource data = redis.dataSource();
        RedisKeys keys = new RedisKeys(prefix, 1);
        String stream = keys.scheduledJobs(0);
        data.key().del(stream, keys.interactiveJobs(0)).await().indefinitely();
        JobQueue queue = new JobQueue(data, keys);

        long enqueueStart = System.nanoTime();
        Multi.createFrom()
                .range(0, jobs)
                .onItem()
                .transformToUni(i -> queue.enqueue(Job.run("run_" + i, "agt_bench"), false))
                .merge(256)
                .collect()
                .last()
                .await()
                .indefinitely();
        long enqueueNanos = System.nanoTime() - enqueueStart;

        NoopDispatcher dispatcher = new NoopDispatcher();
        BenchSettings settings = new BenchSettings(concurrency);
        JobConsumer consumer =
                new JobConsumer(data, keys, settings, new WorkerIdentity(settings), dispatcher, null, redis.vertx());
        consumer.createGroups().await().indefinitely();
        long consumeStart = System.nanoTime();
        consumer.start();
        awaitAcked(data, stream, settings.group(), dispatcher, jobs);
        long consumeNanos = System.nanoTime() - consumeStart;
        consumer.stop();
        data.key().del(stream, keys.interactiveJobs(0)).await().indefinitely();
        return new double[] {
            perSecond(jobs, enqueueNanos), perSecond(jobs, consumeNanos), perSecond(jobs, enqueueNanos + consumeNanos)
        };
    }

    private static void awaitAcked(
            ReactiveRedisDataSource data, String stream, String group, NoopDispatcher dispatcher, int jobs) {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (dispatcher.accepted() >= jobs) {
                long pending = data.execute("XPENDING", stream, group)
                        .map(response -> response.get(0).toLong())
                        .await()
                        .indefinitely();
                if (pending == 0) {
                    return;
                }
            }
            Uni.createFrom()
                    .voidItem()
                    .onItem()
                    .delayIt()
                    .by(Duration.ofMillis(2))
                    .await()
                    .indefinitely();
        }
        throw new IllegalStateException("Jobs not consumed within 10 minutes: " + dispatcher.accepted());
    }

    private static double[] bullmq(Path dir, String redisUrl, int jobs, int concurrency)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                        "node",
                        "queue-bench.mjs",
                        "--jobs",
                        Integer.toString(jobs),
                        "--concurrency",
                        Integer.toString(concurrency))
                .directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().put("REDIS_URL", redisUrl);
        Process process = builder.start();
        String last = null;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("{")) {
                    last = line;
                } else {
                    System.out.println("bullmq: " + line);
                }
            }
        }
        if (process.waitFor() != 0 || last == null) {
            throw new IllegalStateException("The BullMQ side failed (did you run npm ci in " + dir + "?)");
        }
        JsonNode result = JSON.readTree(last);
        double enqueueMs = result.get("enqueueMs").asDouble();
        double consumeMs = result.get("consumeMs").asDouble();
        return new double[] {
            result.get("enqueuePerSecond").asDouble(),
            result.get("consumePerSecond").asDouble(),
            jobs * 1000.0 / (enqueueMs + consumeMs)
        };
    }

    private static double perSecond(int jobs, long nanos) {
        return jobs * 1e9 / nanos;
    }

    private static double median(List<double[]> rounds, int index) {
        double[] values = rounds.stream().mapToDouble(r -> r[index]).sorted().toArray();
        return values.length % 2 == 1
                ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    /** The no-op handler: accepts every job with nothing to run, so the consumer acknowledges it at once. */
    private static final class NoopDispatcher extends RunDispatcher {

        private final AtomicLong accepted = new AtomicLong();

        NoopDispatcher() {
            super(null, null, null, null, null, null, null, null);
        }

        @Override
        public Uni<Claimed> accept(Job job) {
            accepted.incrementAndGet();
            return Uni.createFrom().nullItem();
        }

        long accepted() {
            return accepted.get();
        }
    }

    /** A worker's settings with the defaults of {@code agentcron.worker.*} except the concurrency. */
    private record BenchSettings(int concurrency) implements WorkerSettings {

        @Override
        public Optional<String> id() {
            return Optional.of("queue-bench");
        }

        @Override
        public Duration lease() {
            return Duration.ofSeconds(30);
        }

        @Override
        public Duration leaseRenewInterval() {
            return Duration.ofSeconds(10);
        }

        @Override
        public Duration recoverInterval() {
            return Duration.ofSeconds(5);
        }

        @Override
        public Duration idlePoll() {
            return Duration.ofMillis(20);
        }

        @Override
        public Duration tickInterval() {
            return Duration.ofMillis(100);
        }

        @Override
        public int tickBatch() {
            return 2000;
        }

        @Override
        public int maxDeliveries() {
            return 5;
        }

        @Override
        public int maxAttempts() {
            return 1;
        }

        @Override
        public Duration shutdownGrace() {
            return Duration.ofSeconds(20);
        }

        @Override
        public Set<Role> roles() {
            return Set.of(Role.CONSUMER);
        }

        @Override
        public String group() {
            return "workers";
        }
    }
}
