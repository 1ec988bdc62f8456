package vn.urbanorder.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import vn.urbanorder.shared.database.ConnectionSettings;

/**
 * The one PostgreSQL server a test run uses, chosen once per JVM, with a database made fresh for
 * this run:
 *
 * <ol>
 *   <li>the server named by {@code TEST_DATABASE_URL} ({@code jdbc:postgresql://host[:port]/database}; {@code TEST_DATABASE_USER} and
 *       {@code TEST_DATABASE_PASSWORD} default to postgres and empty), in a new database that is
 *       dropped when the run ends;
 *   <li>else, where a Docker engine answers, a Testcontainers PostgreSQL of a pinned image;
 *   <li>else an embedded PostgreSQL in a temporary folder.
 * </ol>
 */
final class TestDatabase {

    static final String IMAGE = "postgres:17.6-alpine";

    private static TestDatabase instance;

    private final String kind;
    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;

    private TestDatabase(String kind, String host, int port, String database, String user, String password) {
        this.kind = kind;
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
    }

    static synchronized TestDatabase instance() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    Map<String, Object> springProperties() {
        return connectionSettings().springProperties();
    }

    ConnectionSettings connectionSettings() {
        return new ConnectionSettings(host, port, database, user, password);
    }

    /** Another empty database on the same server, for a test that needs a database of its own. */
    ConnectionSettings newDatabase() {
        String name = "urban_order_extra_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(jdbcUrl(), user, password, "CREATE DATABASE " + name);
        return new ConnectionSettings(host, port, name, user, password);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return kind + " PostgreSQL at " + host + ":" + port + "/" + database;
    }

    private static TestDatabase start() {
        String url = System.getenv("TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return freshDatabaseOn(url, envOr("TEST_DATABASE_USER", "postgres"), envOr("TEST_DATABASE_PASSWORD", ""));
        }
        if (dockerAnswers()) {
            return container();
        }
        return embedded();
    }

    private static TestDatabase freshDatabaseOn(String jdbcUrl, String user, String password) {
        URI server = URI.create(jdbcUrl.substring("jdbc:".length()));
        String name = "urban_order_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(jdbcUrl, user, password, "CREATE DATABASE " + name);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> execute(jdbcUrl, user, password, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
        int port = server.getPort() > 0 ? server.getPort() : 5432;
        return new TestDatabase("configured", server.getHost(), port, name, user, password);
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM ends
    private static TestDatabase container() {
        var container = new PostgreSQLContainer(IMAGE);
        container.start();
        return new TestDatabase(
                "Testcontainers",
                container.getHost(),
                container.getFirstMappedPort(),
                container.getDatabaseName(),
                container.getUsername(),
                container.getPassword());
    }

    private static TestDatabase embedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres)));
            return new TestDatabase("embedded", "localhost", postgres.getPort(), "postgres", "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", e);
        }
    }

    private static boolean dockerAnswers() {
        if ("false".equals(System.getenv("TEST_DATABASE_DOCKER"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static void execute(String jdbcUrl, String user, String password, String sql) {
        try (var connection = DriverManager.getConnection(jdbcUrl, user, password);
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + jdbcUrl, e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the JVM is ending; the temporary folder goes with it
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
