package dev.agentcron.local.bench;

import java.util.Arrays;

/**
 * The scheduling-engine and queue benchmark drivers (docs/benchmarks.md). Not tests: they run only through the
 * {@code engine-bench} Maven profile of deploy/local or from the classpath file that profile writes.
 *
 * <pre>
 * start-lag   schedules fired by a launcher cluster: start lag from the runs table, missed and doubled occurrences
 * queue       enqueue → consume → ack of no-op jobs, agentcron's queue classes and BullMQ on the same Redis
 * bullmq-schedulers  the peer of the burst: BullMQ job schedulers due in the same second, on the same Redis
 * plot        the start-lag or fire-lag CDF (SVG) from the results the other commands wrote
 * </pre>
 */
public final class EngineBench {

    private EngineBench() {}

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "help" : args[0];
        BenchArgs rest = BenchArgs.parse(Arrays.copyOfRange(args, Math.min(1, args.length), args.length));
        switch (command) {
            case "start-lag" -> StartLagBench.run(rest);
            case "queue" -> QueueBench.run(rest);
            case "bullmq-schedulers" ->
                PeerSchedulers.run(
                        rest,
                        java.nio.file.Path.of(rest.text("out-dir", "deploy/local/target/bench")),
                        rest.integer("schedulers", 10_000),
                        rest.integer("minutes", 2));
            case "plot" -> LagPlot.run(rest);
            default -> {
                System.out.println("""
                        Usage: EngineBench start-lag|queue|plot [--flag value ...]
                          start-lag --schedules 10000 --pattern spread|burst --workers 1 --minutes 2 [--output-mode task|draft] [--cluster-config FILE] [--jvm-opts "OPTIONS"] [--peer bullmq]
                          bullmq-schedulers --schedulers 10000 --minutes 2 [--peer-concurrency 200]
                          queue     --jobs 100000 --concurrency 100 --rounds 3
                          plot      --in target/bench [--series start-lag|fire-lag] [--out docs/bench/start-lag.svg]
                        Common: --redis-url redis://127.0.0.1:6390 --out-dir deploy/local/target/bench
                        See docs/benchmarks.md.""");
                if (!"help".equals(command)) {
                    System.exit(2);
                }
            }
        }
        System.exit(0);
    }
}
