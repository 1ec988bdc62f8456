package vn.urbanorder.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * What a bearer token must say beyond a good signature, checked before anything trusts it, so that
 * a token that never expires, is dated ahead, lives longer than the service ever issues, or lacks
 * what a caller is made of, gets a 401 instead of being trusted or failing later with a 500. Clocks
 * may disagree by {@link #CLOCK_SKEW}.
 */
final class TokenChecks {

    /** How far the clocks of the service's instances, and an external issuer's, may disagree. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private TokenChecks() {}

    /**
     * The service's own access tokens: its issuer; {@code exp} and {@code iat} present, not expired
     * and not issued in the future; a lifetime ({@code exp - iat}) no longer than the configured
     * one; {@code sub}, {@code province_id}, {@code ward_id} and {@code unit_id} (the last two when
     * present) UUIDs, a username, the ward's code exactly when there is a ward, and a list of roles
     * of the ward's level (or the province's, without a ward); {@code password_change_required}, when present, a boolean.
     */
    static OAuth2TokenValidator<Jwt> own(String issuer, Duration accessTokenTtl, Clock clock) {
        return new DelegatingOAuth2TokenValidator<>(
                new JwtIssuerValidator(issuer),
                times(clock),
                issuedAt(true, clock),
                lifetimeAtMost(accessTokenTtl),
                TokenChecks::callerClaims);
    }

    /**
     * An external issuer's tokens, besides its issuer and audience: {@code exp} present and not
     * past, and {@code iat}, when present, not in the future. Their lifetime is the issuer's to set.
     */
    static OAuth2TokenValidator<Jwt> external(Clock clock) {
        return new DelegatingOAuth2TokenValidator<>(times(clock), issuedAt(false, clock));
    }

    /**
     * Reads a token's claims as Spring does, but leaves {@code iat} out when the token has none:
     * Spring would make one up ({@code exp} minus a second), and a missing issue time could then
     * neither be refused nor pass as absent.
     */
    static Converter<Map<String, Object>, Map<String, Object>> claimsAsSent(
            Converter<Map<String, Object>, Map<String, Object>> spring) {
        return claims -> {
            Map<String, Object> converted = spring.convert(claims);
            if (converted != null && !claims.containsKey(JwtClaimNames.IAT)) {
                converted.remove(JwtClaimNames.IAT);
            }
            return converted;
        };
    }

    /** {@code exp} required and not past; {@code nbf}, when present, passed. */
    private static OAuth2TokenValidator<Jwt> times(Clock clock) {
        var times = new JwtTimestampValidator(CLOCK_SKEW);
        times.setAllowEmptyExpiryClaim(false);
        times.setClock(clock);
        return times;
    }

    private static OAuth2TokenValidator<Jwt> issuedAt(boolean required, Clock clock) {
        return token -> {
            Instant issuedAt = token.getIssuedAt();
            if (issuedAt == null) {
                return required ? invalid("iat claim is required") : OAuth2TokenValidatorResult.success();
            }
            return issuedAt.isAfter(clock.instant().plus(CLOCK_SKEW))
                    ? invalid("iat claim is in the future")
                    : OAuth2TokenValidatorResult.success();
        };
    }

    /** Tokens carry whole seconds: a lifetime of a fraction more rounds up. */
    private static OAuth2TokenValidator<Jwt> lifetimeAtMost(Duration ttl) {
        long allowed = ttl.toSeconds() + (ttl.toNanosPart() > 0 ? 1 : 0);
        return token -> {
            Instant issuedAt = token.getIssuedAt();
            Instant expiresAt = token.getExpiresAt();
            if (issuedAt == null || expiresAt == null) {
                return invalid("iat and exp claims are required");
            }
            return Duration.between(issuedAt, expiresAt).toSeconds() > allowed
                    ? invalid("the token lives longer than access tokens are issued for")
                    : OAuth2TokenValidatorResult.success();
        };
    }

    /** Everything {@link AccessTokens#callerOf} reads, in the shape it reads it. */
    private static OAuth2TokenValidatorResult callerClaims(Jwt token) {
        boolean ofWard = token.hasClaim("ward_id");
        boolean wellFormed = uuid(token.getClaims().get("sub"))
                && uuid(token.getClaims().get("province_id"))
                && (!ofWard || uuid(token.getClaims().get("ward_id")))
                && ofWard == token.hasClaim("ward_code")
                && (!ofWard || text(token.getClaims().get("ward_code")))
                && (!token.hasClaim("unit_id") || uuid(token.getClaims().get("unit_id")))
                && text(token.getClaims().get("preferred_username"))
                && token.getClaims().get("roles") instanceof Collection<?> roles
                && roles.stream().allMatch(String.class::isInstance)
                && rolesOfItsLevel(roles, ofWard)
                && (!token.hasClaim(AccessTokens.PASSWORD_CHANGE_REQUIRED)
                        || token.getClaims().get(AccessTokens.PASSWORD_CHANGE_REQUIRED) instanceof Boolean);
        return wellFormed ? OAuth2TokenValidatorResult.success() : invalid("the token does not describe a caller");
    }

    /** A token with a ward carries only ward roles; one without, only province roles. */
    private static boolean rolesOfItsLevel(Collection<?> roles, boolean ofWard) {
        return roles.stream()
                .filter(String.class::isInstance)
                .map(name -> AccessTokens.roles(List.of((String) name)))
                .flatMap(Set::stream)
                .allMatch(role -> role.ofProvince() != ofWard);
    }

    private static boolean uuid(@Nullable Object value) {
        if (!(value instanceof String text) || text.length() != 36) {
            return false;
        }
        try {
            UUID.fromString(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean text(@Nullable Object value) {
        return value instanceof String text && !text.isBlank();
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
