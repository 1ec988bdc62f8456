package vn.urbanorder.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** The console's access tokens are kept per user, and minted again when the user or the time asks for it. */
class DeskTokensTests {

    private static final Instant SIGNED_IN = Instant.parse("2026-12-07T08:00:00Z");

    private final MovingClock clock = new MovingClock();
    private final DeskTokens tokens = new DeskTokens(
            new AccessTokens(
                    new NimbusJwtEncoder(new ImmutableSecret<>(new SecretKeySpec(new byte[32], "HmacSHA256"))),
                    clock,
                    new SecurityProperties(
                            new SecurityProperties.Jwt("", "urban-order", Duration.ofMinutes(15), Duration.ofHours(24)),
                            new SecurityProperties.SignIn(5, 30, Duration.ofMinutes(15)),
                            new SecurityProperties.Oidc("", "", "", "realm_access.roles", "preferred_username"),
                            new SecurityProperties.Desk(Duration.ofMinutes(30), Duration.ofHours(12)))),
            clock);

    @Test
    void aUserKeepsTheirTokenUntilAThirdOfItsLifetimeIsLeft() {
        User user = user(EnumSet.of(Role.UNIT_STAFF));
        var first = tokens.of(user);

        clock.now = SIGNED_IN.plus(Duration.ofMinutes(9));
        assertThat(tokens.of(user).getTokenValue()).isEqualTo(first.getTokenValue());

        clock.now = SIGNED_IN.plus(Duration.ofMinutes(10));
        var second = tokens.of(user);
        assertThat(second.getTokenValue()).isNotEqualTo(first.getTokenValue());
        assertThat(second.getExpiresAt()).isEqualTo(SIGNED_IN.plus(Duration.ofMinutes(25)));
    }

    @Test
    void aChangedUserGetsANewTokenWithTheirNewClaimsAtOnce() {
        User user = user(EnumSet.of(Role.UNIT_STAFF, Role.WARD_ADMIN));
        tokens.of(user);

        User demoted =
                user.with(user.displayName(), user.phone(), EnumSet.of(Role.UNIT_STAFF), user.unitId(), true, false);

        assertThat(tokens.of(demoted).getClaimAsStringList("roles")).containsExactly("UNIT_STAFF");
    }

    @Test
    void usersDoNotShareTokens() {
        var one = tokens.of(user(EnumSet.of(Role.UNIT_STAFF)));
        var another = tokens.of(user(EnumSet.of(Role.UNIT_STAFF)));

        assertThat(one.getSubject()).isNotEqualTo(another.getSubject());
    }

    private static User user(Set<Role> roles) {
        UUID id = UUID.randomUUID();
        return new User(
                id,
                UUID.randomUUID(),
                "01",
                UUID.randomUUID(),
                "GT",
                "user-" + id,
                "Nguyễn Văn A",
                null,
                roles,
                UUID.randomUUID(),
                true,
                SIGNED_IN.minus(Duration.ofDays(30)),
                SIGNED_IN,
                false);
    }

    private static final class MovingClock extends Clock {

        Instant now = SIGNED_IN;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
