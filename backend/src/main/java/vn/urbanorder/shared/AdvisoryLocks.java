package vn.urbanorder.shared;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Transaction-scoped PostgreSQL advisory locks: what must not interleave across requests and
 * service instances (sign-in counting, token rotation per user, a photo file's life) takes one, and the database
 * releases it at commit or rollback. Keys are hashed; a collision only serialises two unrelated
 * requests a little.
 */
@Component
public class AdvisoryLocks {

    /** Lock spaces, so that equal keys of different purposes never meet. */
    public enum Space {
        SIGN_IN_USERNAME,
        SIGN_IN_ADDRESS,
        USER_TOKENS,
        WARD_ADMINS,
        PHOTO_FILE,
        /** A ward's locations of one category as a whole: shared by intake and the workflow, taken alone by a rebuild. */
        VIOLATION_LOCATIONS,
        /** One cell of a ward's locations of one category (see {@code location.LocationLocks}). */
        VIOLATION_LOCATION_CELL
    }

    private final DatabaseClient database;

    AdvisoryLocks(DatabaseClient database) {
        this.database = database;
    }

    /**
     * Waits for one lock in shared mode (shared holders pass each other and wait only for
     * {@link #lock}) and for every one of the others, all in one statement, the others in the order
     * of their hashed keys, so that two callers asking for overlapping sets never wait for each
     * other in a circle.
     */
    public Mono<Void> lockSharedAndAll(Space sharedSpace, Object sharedKey, Space space, java.util.Collection<?> keys) {
        Integer[] hashed =
                keys.stream().map(Object::hashCode).distinct().sorted().toArray(Integer[]::new);
        return database.sql("SELECT pg_advisory_xact_lock_shared(:sharedSpace, :sharedKey),"
                        + " (SELECT count(pg_advisory_xact_lock(:space, key))"
                        + " FROM (SELECT key FROM unnest(CAST(:keys AS integer[])) key ORDER BY key) ordered)")
                .bind("sharedSpace", sharedSpace.ordinal() + 1)
                .bind("sharedKey", sharedKey.hashCode())
                .bind("space", space.ordinal() + 1)
                .bind("keys", hashed)
                .then();
    }

    /** Waits for the lock; call inside a transaction. */
    public Mono<Void> lock(Space space, Object key) {
        return database.sql("SELECT pg_advisory_xact_lock(:space, :key)")
                .bind("space", space.ordinal() + 1)
                .bind("key", key.hashCode())
                .then();
    }
}
