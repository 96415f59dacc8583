package dev.agentcron.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * The PostgreSQL the cluster uses: the installed one when it accepts the configured user, otherwise (or
 * with {@code --embedded}) an embedded PostgreSQL 17 whose cluster lives in the data directory. Either way
 * the launcher works only in its own database ({@code --db-name}).
 */
final class Postgres implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;
    private final Path dataDirectory;
    private final Duration stopGrace;
    private final Console console;

    private Postgres(
            String host,
            int port,
            String user,
            String password,
            EmbeddedPostgres embedded,
            Path dataDirectory,
            Duration stopGrace,
            Console console) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        this.dataDirectory = dataDirectory;
        this.stopGrace = stopGrace;
        this.console = console;
    }

    /** Connects to the installed PostgreSQL, or starts the embedded one when that is not possible or asked. */
    static Postgres open(LauncherOptions options, DataDirectory data, Console console) {
        if (!options.embedded()) {
            Optional<String> problem = probe(options);
            if (problem.isEmpty()) {
                console.info("Using the installed PostgreSQL at " + options.pgHost() + ":" + options.pgPort());
                return new Postgres(
                        options.pgHost(),
                        options.pgPort(),
                        options.pgUser(),
                        options.pgPassword(),
                        null,
                        null,
                        options.stopGrace(),
                        console);
            }
            console.info(problem.get() + ": starting an embedded PostgreSQL (data in " + data.postgres() + ")");
        } else {
            console.info("Starting an embedded PostgreSQL (data in " + data.postgres() + ")");
        }
        return startEmbedded(options, data, console);
    }

    private static Optional<String> probe(LauncherOptions options) {
        String target = "PostgreSQL at " + options.pgHost() + ":" + options.pgPort();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(options.pgHost(), options.pgPort()), (int) CONNECT_TIMEOUT.toMillis());
        } catch (IOException e) {
            return Optional.of(target + " does not answer");
        }
        try (Connection ignored = DriverManager.getConnection(
                url(options.pgHost(), options.pgPort(), "postgres"),
                credentials(options.pgUser(), options.pgPassword()))) {
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(target + " refused user " + options.pgUser() + " (" + e.getMessage()
                    + "; pass --pg-user/--pg-password to use it)");
        }
    }

    private static Postgres startEmbedded(LauncherOptions options, DataDirectory data, Console console) {
        try {
            Files.createDirectories(data.postgres());
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(data.postgres())
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(FreePorts.any())
                    .setServerConfig(
                            "max_connections",
                            Integer.toString(Math.max(300, 60 * (options.apis() + options.workers()))))
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            return new Postgres(
                    "127.0.0.1",
                    server.getPort(),
                    "postgres",
                    "postgres",
                    server,
                    data.postgres(),
                    options.stopGrace(),
                    console);
        } catch (IOException | RuntimeException e) {
            throw new LauncherException("Cannot start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    boolean embedded() {
        return embedded != null;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    String jdbcUrl(String database) {
        return url(host, port, database);
    }

    String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    /** The postmaster of the embedded server, read from its {@code postmaster.pid}. */
    Optional<ProcessHandle> server() {
        if (embedded == null) {
            return Optional.empty();
        }
        try {
            String first = Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.US_ASCII)
                    .get(0)
                    .trim();
            return ProcessHandle.of(Long.parseLong(first));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Creates {@code database} unless it exists; returns whether it was created. */
    boolean ensureDatabase(String database) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), credentials(user, password));
                PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE \"" + database + "\"");
            }
            return true;
        } catch (SQLException e) {
            throw new LauncherException(
                    "Cannot create the database " + database + " on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** Drops {@code database} (closing its connections) and creates it empty. */
    void recreateDatabase(String database) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), credentials(user, password));
                Statement st = c.createStatement()) {
            if (c.getMetaData().getDatabaseMajorVersion() >= 13) {
                st.execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
            } else {
                closeConnections(c, database);
                st.execute("DROP DATABASE IF EXISTS \"" + database + "\"");
            }
        } catch (SQLException e) {
            throw new LauncherException(
                    "Cannot drop the database " + database + " on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        ensureDatabase(database);
    }

    /** PostgreSQL before 13 has no DROP DATABASE … WITH (FORCE). */
    private static void closeConnections(Connection c, String database) throws SQLException {
        try (PreparedStatement terminate = c.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            terminate.setString(1, database);
            terminate.executeQuery().close();
        }
    }

    private static String url(String host, int port, String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    private static Properties credentials(String user, String password) {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", Long.toString(CONNECT_TIMEOUT.toSeconds()));
        return props;
    }

    /** Stops the embedded server (a fast shutdown); the installed one is left alone. */
    @Override
    public void close() {
        if (embedded == null) {
            return;
        }
        console.info("stopping postgres");
        Optional<ProcessHandle> postmaster = server();
        try {
            embedded.close();
        } catch (IOException e) {
            throw new LauncherException("Cannot stop the embedded PostgreSQL: " + e.getMessage(), e);
        }
        postmaster.filter(process -> !Processes.awaitEnd(process, stopGrace)).ifPresent(process -> {
            console.warn("postgres (pid " + process.pid() + ") still runs after pg_ctl stop: killed");
            Processes.stop(process, Duration.ZERO);
        });
    }
}
