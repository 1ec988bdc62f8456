package vn.urbanorder.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.urbanorder.shared.AdvisoryLocks;
import vn.urbanorder.shared.Binds;
import vn.urbanorder.shared.Sha256;

/**
 * Refresh tokens: opaque random strings, stored only as SHA-256 hashes. Each works once; every
 * token descending from one sign-in shares a family, and presenting a spent token revokes the
 * whole family, because only a copy of it could be presented twice.
 *
 * <p>Everything that changes a user's tokens (rotating, revoking) holds an advisory lock on the
 * user for its transaction, so a rotation can never slip its new token past a revocation.
 */
@Component
class RefreshTokens {

    private static final int TOKEN_BYTES = 32;

    private final DatabaseClient database;
    private final AdvisoryLocks locks;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();

    RefreshTokens(
            DatabaseClient database,
            AdvisoryLocks locks,
            TransactionalOperator transactions,
            Clock clock,
            SecurityProperties properties) {
        this.database = database;
        this.locks = locks;
        this.transactions = transactions;
        this.clock = clock;
        this.ttl = properties.jwt().refreshTokenTtl();
    }

    Duration ttl() {
        return ttl;
    }

    /** The first token of a new sign-in, which starts a family of its own. */
    Mono<String> issue(User user, UUID family) {
        Instant now = clock.instant();
        return newToken()
                .flatMap(token -> transactions.transactional(locks.lock(AdvisoryLocks.Space.USER_TOKENS, user.id())
                        .then(insert(user, family, token, now))
                        .then(forgetExpired(user.id(), now))
                        .thenReturn(token)));
    }

    /** A spent token's successor, and the user it is for. */
    record Rotation(User user, String token) {}

    /**
     * Spends the token and issues its successor in the same family, for the user as {@code
     * activeUser} finds them. Empty for an unknown, expired, spent or revoked token, or a user no
     * longer active; a spent or revoked token, or an inactive user, also revokes the family.
     */
    Mono<Optional<Rotation>> rotate(String token, Function<UUID, Mono<User>> activeUser) {
        String hash = hash(token);
        Instant now = clock.instant();
        return newToken()
                .flatMap(successor -> transactions.transactional(ownerOf(hash)
                        .flatMap(owner -> locks.lock(AdvisoryLocks.Space.USER_TOKENS, owner.userId())
                                .then(spend(hash, now))
                                .flatMap(spent -> spent
                                        ? activeUser
                                                .apply(owner.userId())
                                                .flatMap(user -> insert(user, owner.family(), successor, now)
                                                        .thenReturn(Optional.of(new Rotation(user, successor))))
                                                .switchIfEmpty(revokeFamily(owner.family(), now)
                                                        .thenReturn(Optional.empty()))
                                        : revokeFamilyIfReused(hash, owner.family(), now)
                                                .thenReturn(Optional.<Rotation>empty())))
                        .defaultIfEmpty(Optional.empty())));
    }

    /** Revokes the family of the token if it is the user's; anything else is ignored. */
    Mono<Void> revokeFamilyOf(String token, UUID userId) {
        Instant now = clock.instant();
        return transactions.transactional(locks.lock(AdvisoryLocks.Space.USER_TOKENS, userId)
                .then(database.sql("SELECT family_id FROM refresh_token WHERE token_hash = :hash AND user_id = :user")
                        .bind("hash", hash(token))
                        .bind("user", userId)
                        .map(row -> row.get("family_id", UUID.class))
                        .one())
                .flatMap(family -> revokeFamily(family, now)));
    }

    /** Signs the user out everywhere. */
    Mono<Void> revokeAll(UUID userId) {
        return transactions.transactional(locks.lock(AdvisoryLocks.Space.USER_TOKENS, userId)
                .then(database.sql(
                                "UPDATE refresh_token SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL")
                        .bind("now", clock.instant())
                        .bind("user", userId)
                        .then()));
    }

    private record Owner(UUID userId, UUID family) {}

    private Mono<Owner> ownerOf(String hash) {
        return database.sql("SELECT user_id, family_id FROM refresh_token WHERE token_hash = :hash")
                .bind("hash", hash)
                .map(row -> new Owner(row.get("user_id", UUID.class), row.get("family_id", UUID.class)))
                .one();
    }

    private Mono<Boolean> spend(String hash, Instant now) {
        return database.sql("""
                        UPDATE refresh_token SET used_at = :now
                         WHERE token_hash = :hash AND used_at IS NULL AND revoked_at IS NULL AND expires_at > :now
                        """)
                .bind("now", now)
                .bind("hash", hash)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    private Mono<Void> insert(User user, UUID family, String token, Instant now) {
        var insert = database.sql("""
                INSERT INTO refresh_token (ward_id, user_id, family_id, token_hash, issued_at, expires_at)
                VALUES (:ward, :user, :family, :hash, :now, :expires)
                """);
        return Binds.nullable(insert, "ward", user.wardId(), UUID.class)
                .bind("user", user.id())
                .bind("family", family)
                .bind("hash", hash(token))
                .bind("now", now)
                .bind("expires", now.plus(ttl))
                .then();
    }

    /** Only a token that was spent or revoked revokes its family; a merely expired one does not. */
    private Mono<Void> revokeFamilyIfReused(String hash, UUID family, Instant now) {
        return database.sql("SELECT used_at IS NOT NULL OR revoked_at IS NOT NULL AS reused FROM refresh_token"
                        + " WHERE token_hash = :hash")
                .bind("hash", hash)
                .map(row -> Boolean.TRUE.equals(row.get("reused", Boolean.class)))
                .one()
                .filter(reused -> reused)
                .flatMap(reused -> revokeFamily(family, now));
    }

    private Mono<Void> revokeFamily(UUID family, Instant now) {
        return database.sql(
                        "UPDATE refresh_token SET revoked_at = :now WHERE family_id = :family AND revoked_at IS NULL")
                .bind("now", now)
                .bind("family", family)
                .then();
    }

    /** Expired tokens are worth nothing; a day later they go, so the table stays small. */
    private Mono<Void> forgetExpired(UUID userId, Instant now) {
        return database.sql("DELETE FROM refresh_token WHERE user_id = :user AND expires_at < :cutoff")
                .bind("user", userId)
                .bind("cutoff", now.minus(Duration.ofDays(1)))
                .then();
    }

    /** SecureRandom may read the system's entropy source, so it runs off the event loops. */
    private Mono<String> newToken() {
        return Mono.fromCallable(() -> {
                    byte[] bytes = new byte[TOKEN_BYTES];
                    random.nextBytes(bytes);
                    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static String hash(String token) {
        return Sha256.hex(token);
    }
}
