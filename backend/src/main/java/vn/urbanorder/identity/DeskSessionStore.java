package vn.urbanorder.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.urbanorder.shared.Binds;
import vn.urbanorder.shared.Sha256;

/**
 * The console's sessions in the database, by the SHA-256 of their secret: every instance sees
 * the same sessions, and a stolen copy of the table opens none of them.
 */
@Component
class DeskSessionStore {

    /** The idle clock is written at most this often. */
    static final Duration IDLE_CLOCK_STEP = Duration.ofMinutes(1);

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
        var insert = database.sql("""
                        INSERT INTO desk_session (secret_hash, ward_id, user_id, started_at, last_seen_at, expires_at)
                        VALUES (:hash, :ward, :user, :now, :now, :expires)
                        """).bind("hash", Sha256.hex(secret));
        return Binds.nullable(insert, "ward", user.wardId(), UUID.class)
                .bind("user", user.id())
                .bind("now", now)
                .bind("expires", now.plus(maxAge))
                .then()
                .then(forgetEnded(user.id(), now));
    }

    /**
     * The user of a live session (not idle past the timeout, not past its age), read with it. A
     * request the person made ({@code touch}) restarts the idle clock, but writes it only when it is
     * at least {@link #IDLE_CLOCK_STEP} old: most requests only read. The clock may thus be up to a
     * minute behind, so an idle session ends up to a minute early, never late. A background
     * refresh does not restart it.
     */
    Mono<User> resume(String secret, boolean touch) {
        Instant now = clock.instant();
        String live = "secret_hash = :hash AND last_seen_at > :idle AND expires_at > :now";
        // The update, when there is one, sees the same snapshot as the read: one round trip either way.
        String restart = touch
                ? ", restarted AS (UPDATE desk_session SET last_seen_at = :now WHERE " + live
                        + " AND last_seen_at <= :stale)"
                : "";
        var statement = database.sql("WITH live AS (SELECT user_id FROM desk_session WHERE " + live + ")" + restart
                        + UserStore.SELECT + " JOIN live ON live.user_id = u.id")
                .bind("hash", Sha256.hex(secret))
                .bind("idle", now.minus(idleTimeout))
                .bind("now", now);
        if (touch) {
            statement = statement.bind("stale", now.minus(IDLE_CLOCK_STEP));
        }
        return statement.map(UserStore::toUser).one();
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
