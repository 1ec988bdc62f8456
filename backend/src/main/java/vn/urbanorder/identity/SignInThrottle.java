package vn.urbanorder.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.urbanorder.shared.ProblemException;

/**
 * Slows password guessing: too many failed sign-ins for one username, or from one client address,
 * within the window, and further attempts get 429 until the oldest counted failure leaves the
 * window, even with the right password. Failures are kept in the database, so the limits hold
 * across every instance of the service.
 */
@Component
class SignInThrottle {

    private static final String OLDEST_OF_RECENT = """
            SELECT count(*) AS n, min(failed_at) AS oldest FROM (
                SELECT failed_at FROM sign_in_failure
                 WHERE %s = :key AND failed_at > :since
                 ORDER BY failed_at DESC
                 LIMIT :limit) recent
            """;

    private final DatabaseClient database;
    private final Clock clock;
    private final SecurityProperties.SignIn limits;

    SignInThrottle(DatabaseClient database, Clock clock, SecurityProperties properties) {
        this.database = database;
        this.clock = clock;
        this.limits = properties.signIn();
    }

    /** Completes when the attempt may go ahead; a 429 problem when it may not. */
    Mono<Void> check(String username, String clientAddress) {
        return blockedUntil("username", username, limits.maxFailuresPerUsername())
                .switchIfEmpty(blockedUntil("client_address", clientAddress, limits.maxFailuresPerAddress()))
                .flatMap(until -> Mono.error(ProblemException.tooManyRequests(
                        "Đăng nhập sai quá nhiều lần. Hãy thử lại sau.", Duration.between(clock.instant(), until))));
    }

    Mono<Void> recordFailure(String username, String clientAddress) {
        Instant now = clock.instant();
        return database.sql("""
                        INSERT INTO sign_in_failure (username, client_address, failed_at) VALUES (:username, :address, :now)
                        """)
                .bind("username", username)
                .bind("address", clientAddress)
                .bind("now", now)
                .then()
                .then(database.sql("DELETE FROM sign_in_failure WHERE failed_at < :expired")
                        .bind("expired", now.minus(limits.failureWindow().multipliedBy(4)))
                        .then());
    }

    /** A successful sign-in forgives the username's earlier failures. */
    Mono<Void> forgive(String username) {
        return database.sql("DELETE FROM sign_in_failure WHERE username = :username")
                .bind("username", username)
                .then();
    }

    private Mono<Instant> blockedUntil(String column, String key, int limit) {
        Instant now = clock.instant();
        return database.sql(OLDEST_OF_RECENT.formatted(column))
                .bind("key", key)
                .bind("since", now.minus(limits.failureWindow()))
                .bind("limit", limit)
                .map(row -> row.get("n", Long.class) >= limit
                        ? row.get("oldest", Instant.class).plus(limits.failureWindow())
                        : Instant.MIN)
                .one()
                .filter(until -> until.isAfter(now));
    }
}
