package vn.urbanorder.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import vn.urbanorder.shared.AdvisoryLocks;
import vn.urbanorder.shared.ProblemException;

/**
 * Slows password guessing: too many failed sign-ins for one username, or from one client address,
 * within the window, and further attempts get 429 until the oldest counted one leaves the window,
 * even with the right password.
 *
 * <p>Each admitted attempt is written down before its password is checked, under advisory locks on
 * the username and the address, as in flight; its check then makes it a failure or, if it
 * succeeded, deletes it. Only failures count towards the limit, but an attempt in flight holds one
 * of its places: when failures and attempts in flight fill the limit, the next attempt waits for
 * one of them to end (a success frees places, a failure may fill the limit). So parallel sign-ins
 * with the right password all pass, and a burst of parallel guesses still gets no more tries than
 * the limit, on every instance of the service. An attempt whose check never ended (its instance
 * stopped, say) counts as a failure once {@link #IN_FLIGHT_LIMIT} has passed.
 */
@Component
class SignInThrottle {

    /** Far longer than a password check takes; an attempt still in flight after it counts as failed. */
    static final Duration IN_FLIGHT_LIMIT = Duration.ofSeconds(30);

    /** Waiting for attempts in flight: about ten seconds in all, then 429. */
    private static final Retry WAIT_FOR_ATTEMPTS_IN_FLIGHT = Retry.backoff(40, Duration.ofMillis(50))
            .maxBackoff(Duration.ofMillis(250))
            .filter(InFlight.class::isInstance)
            .onRetryExhaustedThrow((spec, signal) -> ProblemException.tooManyRequests(
                    "Đang kiểm tra nhiều lần đăng nhập khác của tài khoản này. Hãy thử lại sau ít giây.",
                    Duration.ofSeconds(5)));

    private static final String COUNTS = """
            SELECT count(*) FILTER (WHERE in_flight_until > :now) AS in_flight,
                   count(*) FILTER (WHERE in_flight_until IS NULL OR in_flight_until <= :now) AS failures
              FROM sign_in_failure
             WHERE %s = :key AND failed_at > :since
            """;

    private static final String OLDEST_COUNTED = """
            SELECT min(failed_at) AS oldest FROM (
                SELECT failed_at FROM sign_in_failure
                 WHERE %s = :key AND failed_at > :since AND (in_flight_until IS NULL OR in_flight_until <= :now)
                 ORDER BY failed_at DESC
                 LIMIT :limit) recent
            """;

    /** An admitted attempt, in flight until {@link #succeeded} or {@link #failed} ends it. */
    record Attempt(long id) {}

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

    /**
     * Records the attempt as in flight; waits while attempts in flight hold the places the failures
     * leave; refuses it with a 429 problem when the failures alone fill a limit.
     */
    Mono<Attempt> admit(String username, String clientAddress) {
        return Mono.defer(() -> {
                    Instant now = clock.instant();
                    return transactions.transactional(locks.lock(AdvisoryLocks.Space.SIGN_IN_USERNAME, username)
                            .then(locks.lock(AdvisoryLocks.Space.SIGN_IN_ADDRESS, clientAddress))
                            // One statement at a time: they share the transaction's connection.
                            .then(counts("username", username, now))
                            .flatMap(byUsername -> counts("client_address", clientAddress, now)
                                    .flatMap(byAddress -> decide(byUsername, byAddress, now)))
                            .then(record(username, clientAddress, now)));
                })
                .retryWhen(WAIT_FOR_ATTEMPTS_IN_FLIGHT)
                .flatMap(attempt -> forgetOld().thenReturn(attempt));
    }

    /** The attempt succeeded: it and the username's failures are forgiven; others in flight stay. */
    Mono<Void> succeeded(Attempt attempt, String username) {
        return database.sql("DELETE FROM sign_in_failure WHERE id = :attempt OR (username = :username"
                        + " AND (in_flight_until IS NULL OR in_flight_until <= :now))")
                .bind("attempt", attempt.id())
                .bind("username", username)
                .bind("now", clock.instant())
                .then();
    }

    /** The attempt failed: from now on it is a failure, counted for the window. */
    Mono<Void> failed(Attempt attempt) {
        return database.sql("UPDATE sign_in_failure SET in_flight_until = NULL, failed_at = :now WHERE id = :attempt")
                .bind("attempt", attempt.id())
                .bind("now", clock.instant())
                .then();
    }

    private record Counts(String column, String key, int limit, long failures, long inFlight) {

        boolean blocked() {
            return failures >= limit;
        }

        boolean full() {
            return failures + inFlight >= limit;
        }
    }

    /** Admits, refuses (429, to retry once both limits allow it) or waits (attempts in flight). */
    private Mono<Void> decide(Counts username, Counts address, Instant now) {
        if (username.blocked() || address.blocked()) {
            return oldestCounted(username, now)
                    .flatMap(byUsername -> oldestCounted(address, now)
                            .map(byAddress -> byUsername.isAfter(byAddress) ? byUsername : byAddress))
                    .flatMap(oldest -> Mono.error(ProblemException.tooManyRequests(
                            "Đăng nhập sai quá nhiều lần. Hãy thử lại sau.",
                            Duration.between(now, oldest.plus(limits.failureWindow())))));
        }
        if (username.full() || address.full()) {
            return Mono.error(InFlight.INSTANCE);
        }
        return Mono.empty();
    }

    private Mono<Counts> counts(String column, String key, Instant now) {
        int limit = column.equals("username") ? limits.maxFailuresPerUsername() : limits.maxFailuresPerAddress();
        return database.sql(COUNTS.formatted(column))
                .bind("key", key)
                .bind("since", now.minus(limits.failureWindow()))
                .bind("now", now)
                .map(row -> new Counts(
                        column, key, limit, row.get("failures", Long.class), row.get("in_flight", Long.class)))
                .one();
    }

    /** The oldest of the failures that fill the limit: the attempt may come again once it leaves the window. */
    private Mono<Instant> oldestCounted(Counts counts, Instant now) {
        if (!counts.blocked()) {
            return Mono.just(Instant.MIN);
        }
        return database.sql(OLDEST_COUNTED.formatted(counts.column()))
                .bind("key", counts.key())
                .bind("since", now.minus(limits.failureWindow()))
                .bind("now", now)
                .bind("limit", counts.limit())
                .map(row -> row.get("oldest", Instant.class))
                .one();
    }

    private Mono<Attempt> record(String username, String clientAddress, Instant now) {
        return database.sql("INSERT INTO sign_in_failure (username, client_address, failed_at, in_flight_until)"
                        + " VALUES (:username, :address, :now, :until) RETURNING id")
                .bind("username", username)
                .bind("address", clientAddress)
                .bind("now", now)
                .bind("until", now.plus(IN_FLIGHT_LIMIT))
                .map(row -> new Attempt(row.get("id", Long.class)))
                .one();
    }

    private Mono<Void> forgetOld() {
        return database.sql("DELETE FROM sign_in_failure WHERE failed_at < :expired")
                .bind("expired", clock.instant().minus(limits.failureWindow().multipliedBy(4)))
                .then();
    }

    /** Attempts in flight hold the places left: wait for one of them to end. */
    private static final class InFlight extends RuntimeException {

        static final InFlight INSTANCE = new InFlight();

        private InFlight() {
            super("Sign-in attempts in flight fill the limit", null, false, false);
        }
    }
}
