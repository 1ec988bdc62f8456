package vn.urbanorder.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import vn.urbanorder.shared.AdvisoryLocks;
import vn.urbanorder.shared.ProblemException;

/**
 * Slows password guessing: too many failed sign-ins for one username, or from one client address,
 * within the window, and further attempts get 429 until the oldest counted one leaves the window,
 * even with the right password.
 *
 * <p>Each admitted attempt is written down before its password is checked, under advisory locks
 * on the username and the address, and counts as a failure until a success forgives it. So a burst
 * of parallel guesses is counted exactly, on every instance of the service.
 */
@Component
class SignInThrottle {

    private static final String RECENT = """
            SELECT count(*) AS n, min(failed_at) AS oldest FROM (
                SELECT failed_at FROM sign_in_failure
                 WHERE %s = :key AND failed_at > :since
                 ORDER BY failed_at DESC
                 LIMIT :limit) recent
            """;

    private final DatabaseClient database;
    private final AdvisoryLocks locks;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final SecurityProperties.SignIn limits;

    SignInThrottle(
            DatabaseClient database,
            AdvisoryLocks locks,
            TransactionalOperator transactions,
            Clock clock,
            SecurityProperties properties) {
        this.database = database;
        this.locks = locks;
        this.transactions = transactions;
        this.clock = clock;
        this.limits = properties.signIn();
    }

    /** Records the attempt and completes, or refuses it with a 429 problem. */
    Mono<Void> admit(String username, String clientAddress) {
        Instant now = clock.instant();
        Mono<Void> admission = locks.lock(AdvisoryLocks.Space.SIGN_IN_USERNAME, username)
                .then(locks.lock(AdvisoryLocks.Space.SIGN_IN_ADDRESS, clientAddress))
                .then(blockedUntil("username", username, limits.maxFailuresPerUsername(), now)
                        .switchIfEmpty(
                                blockedUntil("client_address", clientAddress, limits.maxFailuresPerAddress(), now)))
                .flatMap(until -> Mono.<Void>error(ProblemException.tooManyRequests(
                        "Đăng nhập sai quá nhiều lần. Hãy thử lại sau.", Duration.between(now, until))))
                .then(record(username, clientAddress, now));
        return transactions.transactional(admission).then(forgetOld(now));
    }

    /** A successful sign-in forgives the username's attempts, this one included. */
    Mono<Void> forgive(String username) {
        return database.sql("DELETE FROM sign_in_failure WHERE username = :username")
                .bind("username", username)
                .then();
    }

    private Mono<Void> record(String username, String clientAddress, Instant now) {
        return database.sql("INSERT INTO sign_in_failure (username, client_address, failed_at)"
                        + " VALUES (:username, :address, :now)")
                .bind("username", username)
                .bind("address", clientAddress)
                .bind("now", now)
                .then();
    }

    private Mono<Void> forgetOld(Instant now) {
        return database.sql("DELETE FROM sign_in_failure WHERE failed_at < :expired")
                .bind("expired", now.minus(limits.failureWindow().multipliedBy(4)))
                .then();
    }

    private Mono<Instant> blockedUntil(String column, String key, int limit, Instant now) {
        return database.sql(RECENT.formatted(column))
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
