package vn.urbanorder.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Refresh tokens: opaque random strings, stored only as SHA-256 hashes. Each works once; every
 * token descending from one sign-in shares a family, and presenting a spent token revokes the
 * whole family, because only a copy of it could be presented twice.
 */
@Component
class RefreshTokens {

    private static final int TOKEN_BYTES = 32;

    private final DatabaseClient database;
    private final Clock clock;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();

    RefreshTokens(DatabaseClient database, Clock clock, SecurityProperties properties) {
        this.database = database;
        this.clock = clock;
        this.ttl = properties.jwt().refreshTokenTtl();
    }

    Duration ttl() {
        return ttl;
    }

    /** A new token for the user, in the given family (a new sign-in starts a new family). */
    Mono<String> issue(User user, UUID family) {
        Instant now = clock.instant();
        return newToken().flatMap(token -> database.sql("""
                                INSERT INTO refresh_token (ward_id, user_id, family_id, token_hash, issued_at, expires_at)
                                VALUES (:ward, :user, :family, :hash, :now, :expires)
                                """)
                .bind("ward", user.wardId())
                .bind("user", user.id())
                .bind("family", family)
                .bind("hash", hash(token))
                .bind("now", now)
                .bind("expires", now.plus(ttl))
                .then()
                .thenReturn(token));
    }

    /**
     * Spends a token. Gives the user id and family of a live token; empty for an unknown, expired,
     * spent or revoked one, and for a spent or revoked one the whole family is revoked as well.
     */
    Mono<Spent> spend(String token) {
        Instant now = clock.instant();
        String hash = hash(token);
        Mono<Spent> live = database.sql("""
                        UPDATE refresh_token SET used_at = :now
                         WHERE token_hash = :hash AND used_at IS NULL AND revoked_at IS NULL AND expires_at > :now
                        RETURNING user_id, family_id
                        """)
                .bind("now", now)
                .bind("hash", hash)
                .map(row -> new Spent(row.get("user_id", UUID.class), row.get("family_id", UUID.class)))
                .one();
        return live.switchIfEmpty(revokeFamilyIfReused(hash).then(Mono.empty()));
    }

    record Spent(UUID userId, UUID family) {}

    Mono<Void> revokeFamily(UUID family) {
        return database.sql(
                        "UPDATE refresh_token SET revoked_at = :now WHERE family_id = :family AND revoked_at IS NULL")
                .bind("now", clock.instant())
                .bind("family", family)
                .then();
    }

    /** Revokes the family of the token if it is the user's; anything else is ignored. */
    Mono<Void> revokeFamilyOf(String token, UUID userId) {
        return database.sql("SELECT family_id FROM refresh_token WHERE token_hash = :hash AND user_id = :user")
                .bind("hash", hash(token))
                .bind("user", userId)
                .map(row -> row.get("family_id", UUID.class))
                .one()
                .flatMap(this::revokeFamily);
    }

    /** Signs the user out everywhere. */
    Mono<Void> revokeAll(UUID userId) {
        return database.sql("UPDATE refresh_token SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL")
                .bind("now", clock.instant())
                .bind("user", userId)
                .then();
    }

    private Mono<Void> revokeFamilyIfReused(String hash) {
        return database.sql("""
                        SELECT family_id FROM refresh_token
                         WHERE token_hash = :hash AND (used_at IS NOT NULL OR revoked_at IS NOT NULL)
                        """)
                .bind("hash", hash)
                .map(row -> row.get("family_id", UUID.class))
                .one()
                .flatMap(this::revokeFamily);
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
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
