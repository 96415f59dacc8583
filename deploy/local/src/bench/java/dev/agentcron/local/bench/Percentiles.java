package dev.agentcron.local.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of latencies in milliseconds; {@link Long#MAX_VALUE} stands for "never started". */
record Percentiles(long[] sorted) {

    static Percentiles of(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return new Percentiles(copy);
    }

    long at(double percent) {
        if (sorted.length == 0) {
            return Long.MAX_VALUE;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    long max() {
        return sorted.length == 0 ? Long.MAX_VALUE : sorted[sorted.length - 1];
    }

    static String format(long millis) {
        return millis == Long.MAX_VALUE ? "not started" : millis + " ms";
    }
}
