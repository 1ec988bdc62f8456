package vn.urbanorder.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts an embedded PostgreSQL when no database is configured, so that the service runs on a
 * machine with nothing but a JDK. It must run before the context exists, because both R2DBC and
 * Flyway read their URLs from the environment.
 */
public class EmbeddedDatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String ENABLED = "urbanorder.database.embedded.enabled";
    static final String DATA_DIR = "urbanorder.database.embedded.data-dir";
    static final String PORT = "urbanorder.database.embedded.port";
    static final String DEFAULT_DATA_DIR = "data/postgres";

    private static final String PROPERTY_SOURCE = "embeddedPostgres";
    private static final String USER = "postgres";
    private static final String DATABASE = "postgres";

    private final Log log;

    public EmbeddedDatabaseEnvironment(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedDatabaseEnvironment.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean configured = environment.containsProperty("spring.r2dbc.url");
        boolean enabled = environment.getProperty(ENABLED, Boolean.class, true);
        if (configured || !enabled || environment.getPropertySources().contains(PROPERTY_SOURCE)) {
            return;
        }
        Path dataDirectory = Path.of(environment.getProperty(DATA_DIR, DEFAULT_DATA_DIR))
                .toAbsolutePath()
                .normalize();
        int port = environment.getProperty(PORT, Integer.class, 0);
        EmbeddedPostgres postgres = start(dataDirectory, port);
        // A bean of its own, registered before any other, so it is closed after the connection pool.
        application.addInitializers(context -> ((GenericApplicationContext) context)
                .registerBean("embeddedPostgres", EmbeddedPostgres.class, () -> postgres));
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(PROPERTY_SOURCE, connectionProperties(postgres)));
        log.warn("No database is configured, so the service runs on an embedded PostgreSQL (port "
                + postgres.getPort() + ", data in " + dataDirectory + "). This mode is for trial use only:"
                + " set SPRING_R2DBC_URL and SPRING_FLYWAY_URL (with their user names and passwords)"
                + " to use a real PostgreSQL server.");
    }

    private static EmbeddedPostgres start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("timezone", "UTC");
            if (port > 0) {
                builder.setPort(port);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static Map<String, Object> connectionProperties(EmbeddedPostgres postgres) {
        String hostAndPort = "localhost:" + postgres.getPort() + "/" + DATABASE;
        return Map.of(
                "spring.r2dbc.url",
                "r2dbc:postgresql://" + hostAndPort,
                "spring.r2dbc.username",
                USER,
                "spring.r2dbc.password",
                "",
                "spring.flyway.url",
                "jdbc:postgresql://" + hostAndPort,
                "spring.flyway.user",
                USER,
                "spring.flyway.password",
                "");
    }

    @Override
    public int getOrder() {
        // After the configuration files and environment variables have been read.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
