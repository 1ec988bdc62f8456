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
        VIOLATION_LOCATIONS
    }

    private final DatabaseClient database;

    AdvisoryLocks(DatabaseClient database) {
        this.database = database;
    }

    /** Waits for the lock; call inside a transaction. */
    public Mono<Void> lock(Space space, Object key) {
        return database.sql("SELECT pg_advisory_xact_lock(:space, :key)")
                .bind("space", space.ordinal() + 1)
                .bind("key", key.hashCode())
                .then();
    }
}
