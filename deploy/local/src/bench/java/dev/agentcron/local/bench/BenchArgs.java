package dev.agentcron.local.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --name value} pairs of a benchmark command, with defaults at the point of use. */
record BenchArgs(Map<String, String> values) {

    static BenchArgs parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --name value pairs, got: " + String.join(" ", args));
            }
            values.put(args[i].substring(2), args[++i]);
        }
        return new BenchArgs(values);
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }
}
