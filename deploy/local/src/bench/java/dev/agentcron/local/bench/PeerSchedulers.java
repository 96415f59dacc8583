package dev.agentcron.local.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The peer of the start-lag burst: BullMQ job schedulers ({@code upsertJobScheduler}, pattern {@code 0 * * * * *})
 * on the same Redis right after the agentcron cluster stopped, one BullMQ worker at {@code --peer-concurrency}
 * (default 200). Runs {@code deploy/local/bench/bullmq/scheduler-bench.mjs}; its lags go next to agentcron's.
 */
final class PeerSchedulers {

    private PeerSchedulers() {}

    static void run(BenchArgs args, Path outDir, int schedulers, int minutes) throws IOException, InterruptedException {
        Path dir = Path.of(args.text("bullmq-dir", "deploy/local/bench/bullmq"));
        String label = args.text("peer-label", "bullmq-" + schedulers / 1000 + "k");
        Path lags = outDir.toAbsolutePath().resolve("start-lag-" + label + ".lags");
        Machine machine = new Machine();
        ProcessBuilder builder = new ProcessBuilder(
                        "node", "scheduler-bench.mjs",
                        "--schedulers", Integer.toString(schedulers),
                        "--concurrency", args.text("peer-concurrency", "200"),
                        "--minutes", Integer.toString(minutes),
                        "--out", lags.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().put("REDIS_URL", args.text("redis-url", "redis://127.0.0.1:6390"));
        System.out.println(
                "peer: BullMQ job schedulers, " + schedulers + " due at second 0, " + minutes + " minute(s)");
        Process process = builder.start();
        Thread sampler = new Thread(
                () -> {
                    while (process.isAlive()) {
                        machine.sample();
                        try {
                            process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "load-sampler");
        sampler.setDaemon(true);
        sampler.start();
        String last = null;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                System.out.println("bullmq: " + line);
                if (line.startsWith("{")) {
                    last = line;
                }
            }
        }
        if (process.waitFor() != 0 || last == null) {
            throw new IllegalStateException("The BullMQ scheduler side failed (npm ci in " + dir + "?)");
        }
        Files.writeString(
                outDir.resolve("start-lag-" + label + ".json"),
                last.substring(0, last.length() - 1) + ",\"load\":\"" + machine.summary() + "\"}\n");
        System.out.println("peer " + label + ": " + machine.summary());
    }
}
