package vn.urbanorder.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
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

    /** Set to true while the service runs on the embedded database. */
    public static final String ACTIVE = EmbeddedDatabaseProperties.PREFIX + ".active";

    private static final String R2DBC_URL = "spring.r2dbc.url";
    private static final String FLYWAY_URL = "spring.flyway.url";
    private static final String PROPERTY_SOURCE = "embeddedPostgres";
    private static final String PHOTO_FOLDER = "urbanorder.photos.folder";
    private static final String PHOTO_STORAGE = "urbanorder.photos.storage";

    private final Log log;

    public EmbeddedDatabaseEnvironment(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedDatabaseEnvironment.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean r2dbc = environment.containsProperty(R2DBC_URL);
        boolean flyway = environment.containsProperty(FLYWAY_URL);
        if (r2dbc != flyway) {
            // Half a configuration would migrate one database and serve another, or none.
            throw new IllegalStateException("Set both " + R2DBC_URL + " and " + FLYWAY_URL
                    + " (SPRING_R2DBC_URL and SPRING_FLYWAY_URL) to the same database, or neither for the"
                    + " embedded trial database; only " + (r2dbc ? R2DBC_URL : FLYWAY_URL) + " is set.");
        }
        var settings = Binder.get(environment)
                .bindOrCreate(EmbeddedDatabaseProperties.PREFIX, EmbeddedDatabaseProperties.class);
        if (r2dbc || !settings.enabled() || environment.getPropertySources().contains(PROPERTY_SOURCE)) {
            return;
        }
        Path dataDirectory = Path.of(settings.dataDir()).toAbsolutePath().normalize();
        EmbeddedPostgres postgres = start(dataDirectory, settings.port());
        // A bean of its own, registered before any other, so it is closed after the connection pool.
        application.addInitializers(context -> ((GenericApplicationContext) context)
                .registerBean("embeddedPostgres", EmbeddedPostgres.class, () -> postgres));
        Map<String, Object> properties = new HashMap<>(
                new ConnectionSettings("localhost", postgres.getPort(), "postgres", "postgres", "").springProperties());
        properties.put(ACTIVE, "true");
        // The trial's photos live beside its database (data/photos beside data/postgres), unless
        // set: a real installation has no default folder, so the two never share one unawares.
        // With photos in a bucket there is no folder to default.
        boolean inBucket = "s3"
                .equalsIgnoreCase(
                        environment.getProperty(PHOTO_STORAGE, "local").strip());
        if (!inBucket) {
            properties.put(PHOTO_FOLDER, dataDirectory.resolveSibling("photos").toString());
        }
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, properties));
        log.warn("No database is configured, so the service runs on an embedded PostgreSQL (port "
                + postgres.getPort() + ", data in " + dataDirectory + ", photos in "
                + (inBucket ? "an S3 bucket" : environment.getProperty(PHOTO_FOLDER))
                + "). This mode is for trial use only:"
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

    @Override
    public int getOrder() {
        // After the configuration files and environment variables have been read.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
