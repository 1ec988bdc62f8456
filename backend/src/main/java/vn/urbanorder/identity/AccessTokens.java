package vn.urbanorder.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * The service's own access tokens: short-lived JWTs, signed with HMAC-SHA256, carrying everything
 * a request needs to know about its caller, so no request has to look the caller up.
 */
@Component
class AccessTokens {

    private static final String PROVINCE_ID = "province_id";
    private static final String WARD_ID = "ward_id";
    private static final String WARD_CODE = "ward_code";
    private static final String ROLES = "roles";
    private static final String UNIT_ID = "unit_id";
    private static final String USERNAME = "preferred_username";

    /**
     * Present (and true) only while the user must change a password someone else set: the
     * service then refuses everything but that change ({@link PasswordChangeGate}).
     */
    static final String PASSWORD_CHANGE_REQUIRED = "password_change_required";

    private final JwtEncoder encoder;
    private final Clock clock;
    private final String issuer;
    private final Duration ttl;

    AccessTokens(JwtEncoder encoder, Clock clock, SecurityProperties properties) {
        this.encoder = encoder;
        this.clock = clock;
        this.issuer = properties.jwt().issuer();
        this.ttl = properties.jwt().accessTokenTtl();
    }

    Duration ttl() {
        return ttl;
    }

    String issue(User user) {
        return mint(user).getTokenValue();
    }

    /** A token for the user, as the service would hand it out, with its claims readable. */
    Jwt mint(User user) {
        Instant now = clock.instant();
        var claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(user.id().toString())
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .claim(USERNAME, user.username())
                .claim(PROVINCE_ID, user.provinceId().toString())
                .claim(ROLES, user.roles().stream().map(Role::name).sorted().toList());
        if (user.wardId() != null && user.wardCode() != null) {
            claims.claim(WARD_ID, user.wardId().toString()).claim(WARD_CODE, user.wardCode());
        }
        if (user.unitId() != null) {
            claims.claim(UNIT_ID, user.unitId().toString());
        }
        if (user.passwordChangeRequired()) {
            claims.claim(PASSWORD_CHANGE_REQUIRED, true);
        }
        var header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build()));
    }

    /** The caller a verified token of ours stands for. */
    static Caller callerOf(Jwt token) {
        String unit = token.getClaimAsString(UNIT_ID);
        String ward = token.getClaimAsString(WARD_ID);
        return new Caller(
                UUID.fromString(token.getSubject()),
                Objects.requireNonNull(token.getClaimAsString(USERNAME), "checked by TokenChecks"),
                UUID.fromString(token.getClaimAsString(PROVINCE_ID)),
                ward == null ? null : UUID.fromString(ward),
                token.getClaimAsString(WARD_CODE),
                roles(token.getClaimAsStringList(ROLES)),
                unit == null ? null : UUID.fromString(unit));
    }

    /** The authentication a verified token of ours stands for. */
    static CallerAuthentication authenticationOf(Jwt token) {
        return new CallerAuthentication(
                callerOf(token), token, Boolean.TRUE.equals(token.getClaimAsBoolean(PASSWORD_CHANGE_REQUIRED)));
    }

    /** Known role names become roles; anything else is ignored rather than trusted. */
    static Set<Role> roles(@Nullable List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            for (Role role : Role.values()) {
                if (names.contains(role.name())) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }
}
