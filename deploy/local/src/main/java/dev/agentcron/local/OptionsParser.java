package dev.agentcron.local;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Turns the command line into {@link LauncherOptions}. Flags take their value as the next argument or
 * after {@code =} ({@code --apis 2}, {@code --apis=2}); anything unknown, malformed or contradictory is an
 * {@link OptionsException} that names the flag.
 */
final class OptionsParser {

    static final int MIN_BOOTSTRAP_KEY_LENGTH = 20;

    private static final Pattern DB_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern KEY_PREFIX = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Map<String, Flag> FLAGS = flags();

    private OptionsParser() {}

    /** True when the arguments ask for the usage text, whatever else they contain. */
    static boolean wantsHelp(String... args) {
        return Arrays.stream(args).anyMatch(arg -> arg.equals("--help") || arg.equals("-h"));
    }

    static LauncherOptions parse(String... args) {
        Builder builder = new Builder();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new OptionsException("Unexpected argument '" + arg + "': every setting is a --flag");
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            Flag flag = FLAGS.get(name);
            if (flag == null) {
                throw new OptionsException("Unknown flag " + name);
            }
            String value = null;
            if (flag.argument() == null) {
                if (equals >= 0) {
                    throw new OptionsException(name + " takes no value");
                }
            } else if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                throw new OptionsException(name + " needs a value: " + name + " " + flag.argument());
            }
            flag.apply().accept(builder, new Value(name, value));
        }
        return builder.build();
    }

    /** The text {@code --help} prints. */
    static String usage() {
        StringBuilder text = new StringBuilder();
        text.append("Usage: java -jar deploy/local/target/agentcron-local.jar [flags]\n\n")
                .append(
                        "Runs a whole agentcron cluster on this machine: PostgreSQL and Redis (the installed ones when\n")
                .append(
                        "they answer, embedded ones otherwise), a gateway stub speaking OpenAI chat completions, then\n")
                .append(
                        "the api-service and worker-service processes. Prints one line starting with READY when every\n")
                .append("process is healthy; Ctrl-C stops everything. If a process exits on its own, the launcher\n")
                .append("stops the others and exits with status 1 (with --keep-going, only when PostgreSQL or Redis\n")
                .append("exits or no api or worker process is left).\n\nFlags:\n");
        for (Flag flag : FLAGS.values()) {
            String head = "  " + flag.name() + (flag.argument() == null ? "" : " " + flag.argument());
            text.append(String.format(Locale.ROOT, "%-28s %s%n", head, flag.help()));
        }
        text.append(String.format(Locale.ROOT, "%-28s %s%n", "  --help, -h", "Print this text"));
        return text.toString();
    }

    private static Map<String, Flag> flags() {
        Map<String, Flag> flags = new LinkedHashMap<>();
        add(flags, "--apis", "N", "Number of api-service processes (default 1)", (b, v) -> b.apis = v.integer(1, 100));
        add(
                flags,
                "--workers",
                "M",
                "Number of worker-service processes (default 1; 0 runs the API alone)",
                (b, v) -> b.workers = v.integer(0, 100));
        add(
                flags,
                "--api-port",
                "PORT",
                "HTTP port of api-0; api-i listens on PORT+i (default 8080)",
                (b, v) -> b.apiPort = v.port());
        add(
                flags,
                "--worker-port",
                "PORT",
                "Health port of worker-0; worker-j uses PORT+j (default 8090)",
                (b, v) -> b.workerPort = v.port());
        add(
                flags,
                "--http-host",
                "ADDRESS",
                "Address the services bind to (default 127.0.0.1)",
                (b, v) -> b.httpHost = v.text());
        add(flags, "--pg-host", "HOST", "Installed PostgreSQL host (default 127.0.0.1)", (b, v) -> b.pgHost = v.text());
        add(flags, "--pg-port", "PORT", "Installed PostgreSQL port (default 5432)", (b, v) -> b.pgPort = v.port());
        add(flags, "--pg-user", "USER", "PostgreSQL user (default postgres)", (b, v) -> b.pgUser = v.text());
        add(
                flags,
                "--pg-password",
                "PASSWORD",
                "PostgreSQL password (default postgres)",
                (b, v) -> b.pgPassword = v.raw());
        add(
                flags,
                "--db-name",
                "NAME",
                "The launcher's own database, created if missing (default agentcron)",
                (b, v) -> b.dbName =
                        v.matching(DB_NAME, "lower-case letters, digits and _, starting with a letter or _"));
        add(
                flags,
                "--redis-host",
                "HOST",
                "Installed Redis host (default 127.0.0.1)",
                (b, v) -> b.redisHost = v.text());
        add(flags, "--redis-port", "PORT", "Installed Redis port (default 6379)", (b, v) -> b.redisPort = v.port());
        add(
                flags,
                "--key-prefix",
                "PREFIX",
                "Prefix of every Redis key of this cluster (default agentcron)",
                (b, v) -> b.keyPrefix = v.matching(KEY_PREFIX, "letters, digits, '_', '.' and '-'"));
        add(
                flags,
                "--embedded",
                null,
                "Use embedded PostgreSQL and Redis even if installed ones answer",
                (b, v) -> b.embedded = true);
        add(
                flags,
                "--data-dir",
                "DIR",
                "Where embedded data and the generated admin key live (default ./.agentcron)",
                (b, v) -> b.dataDir = Path.of(v.text()));
        add(
                flags,
                "--fresh",
                null,
                "Start from nothing: wipe the data dir, drop this cluster's database and keys",
                (b, v) -> b.fresh = true);
        add(
                flags,
                "--gateway-url",
                "URL",
                "A real OpenAI-compatible gateway (ending in /v1); no stub is started",
                (b, v) -> b.gatewayUrl = v.httpUrl());
        add(
                flags,
                "--gateway-port",
                "PORT",
                "Port of the gateway stub (default: a free port)",
                (b, v) -> b.gatewayPort = v.integer(0, 65535));
        add(
                flags,
                "--bootstrap-key",
                "KEY",
                "First admin API key (at least 20 characters; default: generated once)",
                (b, v) -> b.bootstrapKey = v.bootstrapKey());
        add(
                flags,
                "--config",
                "FILE",
                "A properties file every service reads (quarkus.config.locations)",
                (b, v) -> b.configFile = v.existingFile());
        add(
                flags,
                "--api-jar",
                "JAR",
                "The api-service jar (default api-service/target/quarkus-app/quarkus-run.jar)",
                (b, v) -> b.apiJar = v.existingFile());
        add(
                flags,
                "--worker-jar",
                "JAR",
                "The worker-service jar (default worker-service/target/quarkus-app/quarkus-run.jar)",
                (b, v) -> b.workerJar = v.existingFile());
        add(
                flags,
                "--jvm-opts",
                "\"OPTS\"",
                "Extra JVM options for every service, e.g. \"-Xmx256m\"",
                (b, v) -> b.jvmOptions = v.words());
        add(
                flags,
                "--startup-timeout",
                "SECONDS",
                "How long each process may take to become ready (default 180)",
                (b, v) -> b.startupTimeout = Duration.ofSeconds(v.integer(1, 3600)));
        add(
                flags,
                "--stop-timeout",
                "SECONDS",
                "Grace period after SIGTERM before SIGKILL (default 20)",
                (b, v) -> b.stopGrace = Duration.ofSeconds(v.integer(1, 600)));
        add(
                flags,
                "--log-json",
                null,
                "Keep the services' JSON log lines (default: plain text)",
                (b, v) -> b.jsonLogs = true);
        add(
                flags,
                "--keep-going",
                null,
                "When an api or worker process exits, keep the others running (default: stop everything)",
                (b, v) -> b.keepGoing = true);
        return flags;
    }

    private static void add(
            Map<String, Flag> flags, String name, String argument, String help, BiConsumer<Builder, Value> apply) {
        flags.put(name, new Flag(name, argument, help, apply));
    }

    private record Flag(String name, String argument, String help, BiConsumer<Builder, Value> apply) {}

    /** One flag's value, with the conversions that name the flag when they fail. */
    private record Value(String flag, String raw) {

        String text() {
            if (raw.isBlank()) {
                throw new OptionsException(flag + " must not be empty");
            }
            return raw.trim();
        }

        int integer(int min, int max) {
            int number;
            try {
                number = Integer.parseInt(raw.trim());
            } catch (NumberFormatException e) {
                throw new OptionsException(flag + " expects a whole number, got '" + raw + "'");
            }
            if (number < min || number > max) {
                throw new OptionsException(flag + " must be between " + min + " and " + max + ", got " + number);
            }
            return number;
        }

        int port() {
            return integer(1, 65535);
        }

        String matching(Pattern pattern, String description) {
            if (!pattern.matcher(raw).matches()) {
                throw new OptionsException(flag + " allows " + description + ", got '" + raw + "'");
            }
            return raw;
        }

        Optional<String> httpUrl() {
            try {
                URI uri = new URI(text());
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new OptionsException(flag + " expects an http(s) URL such as https://gateway.example/v1");
                }
                String url = uri.toString();
                return Optional.of(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            } catch (URISyntaxException e) {
                throw new OptionsException(flag + " is not a valid URL: " + e.getMessage());
            }
        }

        Optional<String> bootstrapKey() {
            if (raw.length() < MIN_BOOTSTRAP_KEY_LENGTH) {
                throw new OptionsException(flag + " must be at least " + MIN_BOOTSTRAP_KEY_LENGTH
                        + " characters long (got " + raw.length() + ")");
            }
            if (raw.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
                throw new OptionsException(flag + " must not contain spaces or control characters");
            }
            return Optional.of(raw);
        }

        Optional<Path> existingFile() {
            Path path = Path.of(text()).toAbsolutePath().normalize();
            if (!Files.isRegularFile(path)) {
                throw new OptionsException(flag + ": no such file " + path);
            }
            return Optional.of(path);
        }

        List<String> words() {
            return raw.isBlank() ? List.of() : List.of(raw.trim().split("\\s+"));
        }
    }

    /** Mutable defaults, filled flag by flag, checked as a whole by {@link #build()}. */
    private static final class Builder {
        int apis = 1;
        int workers = 1;
        int apiPort = 8080;
        int workerPort = 8090;
        String httpHost = "127.0.0.1";
        String pgHost = "127.0.0.1";
        int pgPort = 5432;
        String pgUser = "postgres";
        String pgPassword = "postgres";
        String dbName = "agentcron";
        String redisHost = "127.0.0.1";
        int redisPort = 6379;
        String keyPrefix = "agentcron";
        boolean embedded;
        Path dataDir = Path.of(".agentcron");
        boolean fresh;
        Optional<String> gatewayUrl = Optional.empty();
        int gatewayPort;
        Optional<String> bootstrapKey = Optional.empty();
        Optional<Path> configFile = Optional.empty();
        Optional<Path> apiJar = Optional.empty();
        Optional<Path> workerJar = Optional.empty();
        List<String> jvmOptions = new ArrayList<>();
        Duration startupTimeout = Duration.ofSeconds(180);
        Duration stopGrace = Duration.ofSeconds(20);
        boolean jsonLogs;
        boolean keepGoing;

        LauncherOptions build() {
            checkRange("--api-port", apiPort, apis);
            checkRange("--worker-port", workerPort, workers);
            if (workers > 0 && apiPort < workerPort + workers && workerPort < apiPort + apis) {
                throw new OptionsException("The api ports " + range(apiPort, apis) + " and the worker ports "
                        + range(workerPort, workers) + " overlap: choose other --api-port/--worker-port");
            }
            if (gatewayUrl.isPresent() && gatewayPort != 0) {
                throw new OptionsException(
                        "--gateway-port configures the stub, which --gateway-url replaces: " + "use one or the other");
            }
            if (configFile.isPresent() && configFile.get().toString().contains(",")) {
                throw new OptionsException(
                        "--config: the path must not contain ',' (quarkus.config.locations is a list)");
            }
            return new LauncherOptions(
                    apis,
                    workers,
                    apiPort,
                    workerPort,
                    httpHost,
                    pgHost,
                    pgPort,
                    pgUser,
                    pgPassword,
                    dbName,
                    redisHost,
                    redisPort,
                    keyPrefix,
                    embedded,
                    dataDir.toAbsolutePath().normalize(),
                    fresh,
                    gatewayUrl,
                    gatewayPort,
                    bootstrapKey,
                    configFile,
                    apiJar,
                    workerJar,
                    jvmOptions,
                    startupTimeout,
                    stopGrace,
                    jsonLogs,
                    keepGoing);
        }

        private static void checkRange(String flag, int first, int count) {
            if (count > 0 && first + count - 1 > 65535) {
                throw new OptionsException(flag + " " + first + " leaves no room for " + count + " processes");
            }
        }

        private static String range(int first, int count) {
            return count == 1 ? Integer.toString(first) : first + "-" + (first + count - 1);
        }
    }
}
