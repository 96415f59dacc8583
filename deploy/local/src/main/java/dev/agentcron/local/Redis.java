package dev.agentcron.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import redis.embedded.core.ExecutableProvider;

/**
 * The Redis the cluster uses: the installed one when it answers PING, otherwise (or with {@code --embedded})
 * the redis-server 6.2 bundled with embedded-redis, extracted to and run from the data directory as a child
 * process, its append-only file next to it. The launcher only ever deletes keys under its own prefix.
 */
final class Redis implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration EMBEDDED_START = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final int SCAN_COUNT = 1000;

    private final String host;
    private final int port;
    private final ChildProcess embedded;
    private final Path binaryDirectory;
    private final Duration stopGrace;
    private final Console console;

    private Redis(
            String host, int port, ChildProcess embedded, Path binaryDirectory, Duration stopGrace, Console console) {
        this.host = host;
        this.port = port;
        this.embedded = embedded;
        this.binaryDirectory = binaryDirectory;
        this.stopGrace = stopGrace;
        this.console = console;
    }

    /** Uses the installed Redis, or starts the embedded one when that does not answer or is not wanted. */
    static Redis open(LauncherOptions options, DataDirectory data, Console console, ProcessLedger ledger) {
        if (!options.embedded()) {
            Optional<String> problem = probe(options.redisHost(), options.redisPort());
            if (problem.isEmpty()) {
                console.info("Using the installed Redis at " + options.redisHost() + ":" + options.redisPort());
                return new Redis(options.redisHost(), options.redisPort(), null, null, options.stopGrace(), console);
            }
            console.info(problem.get() + ": starting an embedded Redis (data in " + data.redis() + ")");
        } else {
            console.info("Starting an embedded Redis (data in " + data.redis() + ")");
        }
        return startEmbedded(options, data, console, ledger);
    }

    private static Optional<String> probe(String host, int port) {
        String target = "Redis at " + host + ":" + port;
        try (RespClient client = RespClient.connect(host, port, TIMEOUT)) {
            Object reply = client.command("PING");
            return "PONG".equals(reply) ? Optional.empty() : Optional.of(target + " answered PING with " + reply);
        } catch (RespClient.RedisError e) {
            return Optional.of(target + " refused PING (" + e.getMessage() + ")");
        } catch (IOException e) {
            return Optional.of(target + " does not answer");
        }
    }

    private static Redis startEmbedded(
            LauncherOptions options, DataDirectory data, Console console, ProcessLedger ledger) {
        Path binaryDirectory = null;
        ChildProcess server = null;
        try {
            Files.createDirectories(data.redis());
            binaryDirectory = data.binaries();
            deleteBinary(binaryDirectory);
            Files.createDirectories(binaryDirectory);
            File binary = ExecutableProvider.newJarResourceProvider(binaryDirectory.toFile())
                    .get();
            int port = FreePorts.any();
            List<String> command = new ArrayList<>(List.of(
                    binary.getAbsolutePath(),
                    "--port",
                    Integer.toString(port),
                    "--bind",
                    "127.0.0.1",
                    "--daemonize",
                    "no",
                    "--dir",
                    data.redis().toString(),
                    "--appendonly",
                    "yes",
                    "--appendfsync",
                    "everysec",
                    "--save",
                    ""));
            server = ChildProcess.start("redis", port, command, data.redis(), console);
            ledger.record("redis", server.handle());
            awaitPong(server, port);
            return new Redis("127.0.0.1", port, server, binaryDirectory, options.stopGrace(), console);
        } catch (IOException | RuntimeException e) {
            if (server != null) {
                server.requestStop();
                server.awaitStop(options.stopGrace());
            }
            deleteBinary(binaryDirectory);
            throw e instanceof LauncherException le
                    ? le
                    : new LauncherException("Cannot start the embedded Redis: " + e.getMessage(), e);
        }
    }

    private static void awaitPong(ChildProcess server, int port) {
        Instant deadline = Instant.now().plus(EMBEDDED_START);
        while (Instant.now().isBefore(deadline)) {
            if (probe("127.0.0.1", port).isEmpty()) {
                return;
            }
            if (server.awaitExit(POLL_INTERVAL)) {
                throw new LauncherException(
                        "The embedded Redis exited with status " + server.exitValue() + " (its output is above)");
            }
        }
        throw new LauncherException("The embedded Redis did not answer within " + EMBEDDED_START.toSeconds() + " s");
    }

    boolean embedded() {
        return embedded != null;
    }

    Optional<ChildProcess> server() {
        return Optional.ofNullable(embedded);
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    String url() {
        return "redis://" + host + ":" + port;
    }

    /**
     * Deletes every key named {@code <prefix>:…} with SCAN and UNLINK (never KEYS, never FLUSHALL).
     *
     * @return how many keys were deleted
     */
    long deleteKeys(String prefix) {
        long deleted = 0;
        try (RespClient client = RespClient.connect(host, port, TIMEOUT)) {
            String cursor = "0";
            do {
                List<?> reply = (List<?>)
                        client.command("SCAN", cursor, "MATCH", prefix + ":*", "COUNT", Integer.toString(SCAN_COUNT));
                cursor = (String) reply.get(0);
                List<?> keys = (List<?>) reply.get(1);
                if (!keys.isEmpty()) {
                    List<String> args = new ArrayList<>();
                    args.add("UNLINK");
                    keys.forEach(key -> args.add((String) key));
                    deleted += (Long) client.command(args.toArray(String[]::new));
                }
            } while (!"0".equals(cursor));
            return deleted;
        } catch (IOException e) {
            throw new LauncherException(
                    "Cannot delete the keys " + prefix + ":* on Redis " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** Stops the embedded server (SIGTERM: Redis flushes its append-only file); the installed one is left alone. */
    @Override
    public void close() {
        if (embedded == null) {
            return;
        }
        console.info("stopping redis");
        embedded.requestStop();
        embedded.awaitStop(stopGrace);
        deleteBinary(binaryDirectory);
    }

    private static void deleteBinary(Path directory) {
        if (directory == null) {
            return;
        }
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // a leftover copy of redis-server is harmless: the next embedded start replaces it
        }
    }
}
