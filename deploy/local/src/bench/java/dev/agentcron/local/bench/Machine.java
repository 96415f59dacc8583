package dev.agentcron.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the figures were measured on: cores, CPU model, RAM, and the load average sampled during a run. */
final class Machine {

    private final List<Double> loads = new ArrayList<>();

    static String describe() {
        return String.format(
                Locale.ROOT,
                "nproc=%d cpu=\"%s\" ram=%.1f GiB java=%s",
                Runtime.getRuntime().availableProcessors(),
                cpuModel(),
                memTotalKiB() / 1024.0 / 1024.0,
                System.getProperty("java.runtime.version"));
    }

    /** The 1-minute load average now, and remembers it. */
    synchronized double sample() {
        double load = loadAverage()[0];
        loads.add(load);
        return load;
    }

    synchronized String summary() {
        double max = loads.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        double mean = loads.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        return String.format(Locale.ROOT, "load1 mean %.2f max %.2f (%d samples)", mean, max, loads.size());
    }

    synchronized double max() {
        return loads.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    synchronized double mean() {
        return loads.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    static double[] loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[] {
                Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2])
            };
        } catch (IOException | RuntimeException e) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long memTotalKiB() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(line -> line.startsWith("MemTotal:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D+", "")))
                    .findFirst()
                    .orElse(0L);
        } catch (IOException e) {
            return 0;
        }
    }
}
