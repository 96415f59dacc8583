package dev.agentcron.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Draws the lag CDF of every {@code <series>-*.lags} file ({@code --series start-lag}, the default, or {@code
 * fire-lag}; one lag in ms per line, {@code inf} for an occurrence that never started or fired) as a
 * hand-written SVG: log-scaled lag on x, share of occurrences on y. Scenarios with no lag at all (the start lags
 * of ticker-only scenarios) are left out.
 */
final class LagPlot {

    private static final String[] COLORS = {
        "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"
    };
    private static final int WIDTH = 980;
    private static final int HEIGHT = 480;
    private static final int LEFT = 70;
    private static final int RIGHT = 320;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;
    private static final double MIN_MS = 1;
    private static final double MAX_MS = 100_000;

    private LagPlot() {}

    private record Series(String label, double[] lags, int total) {}

    static void run(BenchArgs args) throws IOException {
        Path in = Path.of(args.text("in", "deploy/local/target/bench"));
        String prefix = args.text("series", "start-lag") + "-";
        Path out = Path.of(args.text("out", "docs/bench/" + prefix.substring(0, prefix.length() - 1) + ".svg"));
        List<Series> series = new ArrayList<>();
        try (Stream<Path> files = Files.list(in)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix)
                            && f.getFileName().toString().endsWith(".lags"))
                    .sorted()
                    .toList()) {
                List<String> lines = Files.readAllLines(file).stream()
                        .filter(l -> !l.isBlank())
                        .toList();
                double[] lags = lines.stream()
                        .filter(l -> !l.equals("inf"))
                        .mapToDouble(Double::parseDouble)
                        .sorted()
                        .toArray();
                String name = file.getFileName().toString();
                if (lags.length > 0) {
                    series.add(new Series(
                            name.substring(prefix.length(), name.length() - ".lags".length()), lags, lines.size()));
                }
            }
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        boolean fire = prefix.startsWith("fire");
        String title = fire
                ? "Schedule fire lag (first XADD − scheduled_for), CDF"
                : "Schedule start lag (started_at − scheduled_for), CDF";
        Files.writeString(
                out,
                svg(series, args.text("title", title), fire ? "fire lag" : "start lag", fire ? "fired" : "started"));
        System.out.println("wrote " + out + " with " + series.size() + " series");
    }

    static String svg(List<Series> series, String title, String lag, String reached) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " font-family=\"sans-serif\" font-size=\"12\">%n",
                WIDTH,
                HEIGHT,
                WIDTH,
                HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        svg.append(String.format(
                Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\">%s</text>%n", LEFT, escape(title)));
        int plotRight = WIDTH - RIGHT;
        int plotBottom = HEIGHT - BOTTOM;
        for (double ms = MIN_MS; ms <= MAX_MS; ms *= 10) {
            double x = x(ms);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n",
                    x,
                    TOP,
                    x,
                    plotBottom));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x,
                    plotBottom + 18,
                    tick(ms)));
        }
        for (int percent = 0; percent <= 100; percent += 25) {
            double y = y(percent / 100.0);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    LEFT,
                    y,
                    plotRight,
                    y));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d%%</text>%n",
                    LEFT - 6,
                    y + 4,
                    percent));
        }
        double target = x(500);
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#444\" stroke-dasharray=\"5,4\"/>%n",
                target,
                TOP,
                target,
                plotBottom));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%d\" fill=\"#444\">target p99 500 ms</text>%n",
                target + 4,
                TOP + 14));
        double p99 = y(0.99);
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#444\" stroke-dasharray=\"2,3\"/>%n",
                LEFT,
                p99,
                plotRight,
                p99));
        svg.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#333\"/>%n",
                LEFT,
                TOP,
                plotRight - LEFT,
                plotBottom - TOP));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s (log scale)</text>%n",
                (LEFT + plotRight) / 2,
                HEIGHT - 18,
                lag));
        svg.append(String.format(
                Locale.ROOT,
                "<text transform=\"translate(18,%d) rotate(-90)\" text-anchor=\"middle\">occurrences %s</text>%n",
                (TOP + plotBottom) / 2,
                reached));
        for (int s = 0; s < series.size(); s++) {
            Series one = series.get(s);
            String color = COLORS[s % COLORS.length];
            svg.append(String.format(
                    Locale.ROOT,
                    "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.8\" points=\"%s\"/>%n",
                    color,
                    points(one)));
            int legendY = TOP + 10 + s * 20;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>%n",
                    plotRight + 14,
                    legendY,
                    plotRight + 34,
                    legendY,
                    color));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\">%s (n=%d)</text>%n",
                    plotRight + 40,
                    legendY + 4,
                    escape(one.label()),
                    one.total()));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** At most ~400 points per series: the CDF sampled at evenly spaced ranks, plus its last point. */
    private static String points(Series series) {
        StringBuilder points = new StringBuilder();
        double[] lags = series.lags();
        if (lags.length == 0) {
            return "";
        }
        int step = Math.max(1, lags.length / 400);
        for (int i = 0; i < lags.length; i += step) {
            append(points, lags[i], (i + 1.0) / series.total());
        }
        append(points, lags[lags.length - 1], (double) lags.length / series.total());
        return points.toString().trim();
    }

    private static void append(StringBuilder points, double lag, double share) {
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(lag), y(share)));
    }

    private static double x(double ms) {
        double clamped = Math.max(MIN_MS, Math.min(MAX_MS, ms));
        double fraction = Math.log10(clamped / MIN_MS) / Math.log10(MAX_MS / MIN_MS);
        return LEFT + fraction * (WIDTH - RIGHT - LEFT);
    }

    private static double y(double share) {
        return HEIGHT - BOTTOM - share * (HEIGHT - BOTTOM - TOP);
    }

    private static String tick(double ms) {
        return ms >= 1000 ? (long) (ms / 1000) + " s" : (long) ms + " ms";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
