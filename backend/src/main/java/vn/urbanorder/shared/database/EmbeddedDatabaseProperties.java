package vn.urbanorder.shared.database;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL used when no database is configured ({@code urbanorder.database.embedded.*}).
 *
 * @param enabled whether to start it when neither database URL is set
 * @param dataDir where it keeps its files, relative to the working directory
 * @param port its port; 0 for any free one
 */
record EmbeddedDatabaseProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("data/postgres") String dataDir,
        @DefaultValue("0") int port) {

    static final String PREFIX = "urbanorder.database.embedded";
}
