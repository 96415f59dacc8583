package dev.agentcron.local;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Brings the cluster up in order — data directory, PostgreSQL, Redis, gateway, api-services (which migrate
 * the schema), then worker-services — prints the READY line, and stays until a signal or a process ending on
 * its own. Everything it opens is closed in reverse order, exactly once, by whichever comes first: the
 * shutdown hook (Ctrl-C, SIGTERM) or the main thread after a failure.
 */
final class Launcher {

    private final LauncherOptions options;
    private final Console console;
    private final List<Path> searchFrom;
    private final Deque<Opened> opened = new ArrayDeque<>();
    private boolean closed;
    private Supervisor supervisor;

    private record Opened(String what, AutoCloseable resource) {}

    Launcher(LauncherOptions options, Console console, List<Path> searchFrom) {
        this.options = options;
        this.console = console;
        this.searchFrom = searchFrom;
    }

    /** Runs the cluster; returns the exit status once it has stopped because of a failure. */
    int run() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopOnSignal, "launcher-shutdown"));
        try {
            start();
            String reason = supervisor.awaitUnexpectedExit();
            console.error(reason + ": stopping everything");
            stop();
            return 1;
        } catch (StopRequested e) {
            return 0;
        } catch (RuntimeException e) {
            if (isClosed()) {
                return 0; // a signal stopped everything underneath the start: nothing to report
            }
            console.error(e instanceof LauncherException ? e.getMessage() : "Unexpected failure: " + e);
            stop();
            return 1;
        }
    }

    private void start() {
        ServiceJars jars = ServiceJars.locate(options, searchFrom);
        DataDirectory data = open("the data directory", () -> DataDirectory.open(options.dataDir()));
        ProcessLedger ledger = open("the process ledger", () -> new ProcessLedger(data.processes()));
        ledger.stopLeftovers(options.stopGrace(), console);
        if (options.fresh()) {
            console.info("--fresh: emptying " + data.root());
            data.wipe();
        }
        checkPortsFree();
        String bootstrapKey = BootstrapKey.resolve(options.bootstrapKey(), data.bootstrapKey());

        Postgres postgres = open("PostgreSQL", () -> Postgres.open(options, data, console));
        postgres.server().ifPresent(server -> {
            ledger.record("postgres", server);
            console.info("started postgres pid=" + server.pid() + " port=" + postgres.port());
        });
        prepareDatabase(postgres);
        console.info("database " + postgres.reactiveUrl(options.dbName()) + " user " + postgres.user());

        Redis redis = open("Redis", () -> Redis.open(options, data, console, ledger));
        redis.server()
                .ifPresent(server -> console.info("started redis pid=" + server.pid() + " port=" + server.port()));
        if (options.fresh() && !redis.embedded()) {
            long deleted = redis.deleteKeys(options.keyPrefix());
            console.info("--fresh: deleted " + deleted + " Redis keys " + options.keyPrefix() + ":*");
        }
        console.info("redis " + redis.url() + " key prefix " + options.keyPrefix());

        String gatewayUrl = options.gatewayUrl().orElseGet(() -> {
            GatewayStub stub = open("the gateway stub", () -> GatewayStub.start(options.gatewayPort(), console));
            console.info("gateway stub listening on " + stub.baseUrl());
            return stub.baseUrl();
        });

        ServiceCommands commands = new ServiceCommands(
                options,
                new ServiceCommands.Endpoints(
                        postgres.reactiveUrl(options.dbName()),
                        postgres.jdbcUrl(options.dbName()),
                        postgres.user(),
                        postgres.password(),
                        redis.url(),
                        gatewayUrl,
                        bootstrapKey),
                jars,
                ServiceCommands.currentJava());
        supervisor = open(
                "the services",
                () -> new Supervisor(
                        console,
                        ledger,
                        Path.of("").toAbsolutePath(),
                        options.clientHost(),
                        options.stopGrace(),
                        options.keepGoing()));
        postgres.server().ifPresent(server -> supervisor.watch("postgres", server));
        redis.server().ifPresent(server -> supervisor.watch("redis", server.handle()));
        startGroup(IntStream.range(0, options.apis())
                .mapToObj(i -> supervisor.start(ServiceCommands.apiName(i), options.apiPort(i), commands.api(i)))
                .toList());
        startGroup(IntStream.range(0, options.workers())
                .mapToObj(
                        i -> supervisor.start(ServiceCommands.workerName(i), options.workerPort(i), commands.worker(i)))
                .toList());
        console.print(readyLine(bootstrapKey, gatewayUrl));
    }

    private void prepareDatabase(Postgres postgres) {
        String database = options.dbName();
        if (options.fresh() && !postgres.embedded()) {
            postgres.recreateDatabase(database);
            console.info("--fresh: recreated the database " + database);
        } else if (postgres.ensureDatabase(database)) {
            console.info("created the database " + database);
        }
    }

    /** Starts a group's processes together, then waits until all are ready. */
    private void startGroup(List<ChildProcess> group) {
        if (!group.isEmpty()) {
            supervisor.awaitReady(group, options.startupTimeout());
        }
    }

    private void checkPortsFree() {
        List<String> busy = new ArrayList<>();
        for (int i = 0; i < options.apis(); i++) {
            if (!FreePorts.isFree(options.httpHost(), options.apiPort(i))) {
                busy.add(Integer.toString(options.apiPort(i)));
            }
        }
        for (int i = 0; i < options.workers(); i++) {
            if (!FreePorts.isFree(options.httpHost(), options.workerPort(i))) {
                busy.add(Integer.toString(options.workerPort(i)));
            }
        }
        if (!busy.isEmpty()) {
            throw new LauncherException("Port(s) " + String.join(", ", busy) + " already in use on "
                    + options.httpHost() + ": stop what listens there or choose --api-port/--worker-port");
        }
    }

    private String readyLine(String bootstrapKey, String gatewayUrl) {
        String host = options.clientHost();
        String apis = IntStream.range(0, options.apis())
                .mapToObj(i -> "http://" + host + ":" + options.apiPort(i))
                .collect(Collectors.joining(","));
        return "READY api=" + apis + " swagger=http://" + host + ":" + options.apiPort(0) + "/q/swagger-ui"
                + " admin-key=" + bootstrapKey + " gateway=" + gatewayUrl;
    }

    /** Opens a resource so that it is closed on stop; refuses once stopping has begun. */
    private synchronized <T extends AutoCloseable> T open(String what, Supplier<T> opener) {
        if (closed) {
            throw new StopRequested();
        }
        T resource = opener.get();
        opened.push(new Opened(what, resource));
        return resource;
    }

    private void stopOnSignal() {
        if (!isClosed()) {
            console.info("signal received: stopping");
        }
        stop();
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /** Closes everything opened, newest first; later calls do nothing. */
    private synchronized void stop() {
        if (closed) {
            return;
        }
        closed = true;
        while (!opened.isEmpty()) {
            Opened next = opened.pop();
            try {
                next.resource().close();
            } catch (Exception e) {
                console.warn("Stopping " + next.what() + " failed: " + e.getMessage());
            }
        }
        console.info("stopped");
    }
}
