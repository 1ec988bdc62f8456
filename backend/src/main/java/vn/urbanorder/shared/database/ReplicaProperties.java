package vn.urbanorder.shared.database;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A PostgreSQL read replica for reporting reads ({@code urbanorder.database.replica.*}); with no
 * URL, every read goes to the primary.
 *
 * @param url the replica as an R2DBC URL ({@code r2dbc:postgresql://host:5432/database}); unset or
 *     blank for none
 * @param username its user; unset for the primary's ({@code spring.r2dbc.username})
 * @param password its password; unset for the primary's ({@code spring.r2dbc.password})
 * @param maxLag how far behind the primary the replica may be while reporting reads go to it
 * @param checkEvery how often its lag is measured; a measurement that does not answer within this
 *     long counts as the replica being away
 * @param maxConnections the size of its connection pool
 */
@ConfigurationProperties(ReplicaProperties.PREFIX)
public record ReplicaProperties(
        @Nullable String url,
        @Nullable String username,
        @Nullable String password,
        @DefaultValue("30s") Duration maxLag,
        @DefaultValue("5s") Duration checkEvery,
        @DefaultValue("5") int maxConnections) {

    public static final String PREFIX = "urbanorder.database.replica";

    public ReplicaProperties {
        if (maxLag.isNegative() || maxLag.isZero()) {
            throw new IllegalArgumentException(PREFIX + ".max-lag must be positive, not " + maxLag);
        }
        if (checkEvery.toMillis() < 100) {
            throw new IllegalArgumentException(PREFIX + ".check-every must be at least 100ms, not " + checkEvery);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException(PREFIX + ".max-connections must be at least 1, not " + maxConnections);
        }
    }

    /** Whether a replica is configured at all. */
    public boolean configured() {
        return url != null && !url.isBlank();
    }
}
