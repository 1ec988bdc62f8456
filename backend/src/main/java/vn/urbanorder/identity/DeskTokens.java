package vn.urbanorder.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * The access tokens the console's requests act with, one per user, minted when first needed and
 * again when the user's row changed (roles, unit, name) or a third of its lifetime is left, not
 * on every request: signing one took about 0.7 ms of CPU per page. A token never leaves the
 * service (the console passes it only to its own API over the loopback interface), and each
 * request still reads its session and user first, so signing out, deactivation and a new password
 * take effect at once, as before.
 */
@Component
class DeskTokens {

    /** More users than a ward has staff: past it, expired tokens are forgotten. */
    private static final int PRUNE_ABOVE = 1_000;

    private final AccessTokens accessTokens;
    private final Clock clock;
    private final Duration reserve;
    private final Map<UUID, Minted> minted = new ConcurrentHashMap<>();

    DeskTokens(AccessTokens accessTokens, Clock clock) {
        this.accessTokens = accessTokens;
        this.clock = clock;
        this.reserve = accessTokens.ttl().dividedBy(3);
    }

    /** A token for the user as they are now, with at least a third of its lifetime left. */
    Jwt of(User user) {
        Instant now = clock.instant();
        Minted kept = minted.get(user.id());
        if (kept != null && kept.user().equals(user) && kept.freshAt(now, reserve)) {
            return kept.token();
        }
        if (minted.size() > PRUNE_ABOVE) {
            minted.values().removeIf(old -> !old.freshAt(now, reserve));
        }
        Jwt token = accessTokens.mint(user);
        minted.put(user.id(), new Minted(user, token));
        return token;
    }

    private record Minted(User user, Jwt token) {

        boolean freshAt(Instant now, Duration reserve) {
            Instant expires = Objects.requireNonNull(token.getExpiresAt(), "minted with an expiry");
            return now.plus(reserve).isBefore(expires);
        }
    }
}
