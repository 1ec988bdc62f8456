package vn.urbanorder.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.urbanorder.shared.Sha256;

/**
 * The console's sessions in the database, by the SHA-256 of their secret: every instance sees
 * the same sessions, and a stolen copy of the table opens none of them.
 */
@Component
class DeskSessionStore {

    private final DatabaseClient database;
    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration maxAge;

    DeskSessionStore(DatabaseClient database, Clock clock, SecurityProperties properties) {
        this.database = database;
        this.clock = clock;
        this.idleTimeout = properties.desk().idleTimeout();
        this.maxAge = properties.desk().maxAge();
    }

    Duration maxAge() {
        return maxAge;
    }

    Mono<Void> insert(User user, String secret) {
        Instant now = clock.instant();
        return database.sql("""
                        INSERT INTO desk_session (secret_hash, ward_id, user_id, started_at, last_seen_at, expires_at)
                        VALUES (:hash, :ward, :user, :now, :now, :expires)
                        """)
                .bind("hash", Sha256.hex(secret))
                .bind("ward", user.wardId())
                .bind("user", user.id())
                .bind("now", now)
                .bind("expires", now.plus(maxAge))
                .then()
                .then(forgetEnded(user.id(), now));
    }

    /**
     * The user of a live session (not idle past the timeout, not past its age). A request the
     * person made ({@code touch}) restarts the idle clock; a background refresh does not.
     */
    Mono<UUID> resume(String secret, boolean touch) {
        Instant now = clock.instant();
        String live = "secret_hash = :hash AND last_seen_at > :idle AND expires_at > :now";
        var statement = touch
                ? database.sql("UPDATE desk_session SET last_seen_at = :now WHERE " + live + " RETURNING user_id")
                : database.sql("SELECT user_id FROM desk_session WHERE " + live);
        return statement
                .bind("hash", Sha256.hex(secret))
                .bind("idle", now.minus(idleTimeout))
                .bind("now", now)
                .map(row -> row.get("user_id", UUID.class))
                .one();
    }

    Mono<Void> delete(String secret) {
        return database.sql("DELETE FROM desk_session WHERE secret_hash = :hash")
                .bind("hash", Sha256.hex(secret))
                .then();
    }

    /** Ends every console session of the user: a new password, or signed out everywhere. */
    Mono<Void> deleteAll(UUID userId) {
        return database.sql("DELETE FROM desk_session WHERE user_id = :user")
                .bind("user", userId)
                .then();
    }

    private Mono<Void> forgetEnded(UUID userId, Instant now) {
        return database.sql(
                        "DELETE FROM desk_session WHERE user_id = :user AND (expires_at < :now OR last_seen_at < :idle)")
                .bind("user", userId)
                .bind("now", now)
                .bind("idle", now.minus(idleTimeout))
                .then();
    }
}
