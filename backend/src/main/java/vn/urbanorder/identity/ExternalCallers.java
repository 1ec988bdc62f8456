package vn.urbanorder.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Callers signed in by an external OpenID Connect issuer (e.g. Keycloak). The token names a local
 * user, who must exist and be active; the ward and unit come from that user, the roles from the
 * configured claim.
 */
@Component
class ExternalCallers {

    private final SecurityProperties.Oidc oidc;
    private final UserStore users;
    private final Clock clock;

    ExternalCallers(SecurityProperties properties, UserStore users, Clock clock) {
        this.oidc = properties.oidc();
        this.users = users;
        this.clock = clock;
    }

    ReactiveAuthenticationManager authenticationManager() {
        var manager = new JwtReactiveAuthenticationManager(decoder());
        manager.setJwtAuthenticationConverter(this::authenticate);
        return manager;
    }

    private ReactiveJwtDecoder decoder() {
        // Both resolve the issuer's keys lazily, on the first token, so start-up needs no network.
        NimbusReactiveJwtDecoder decoder = oidc.jwkSetUri() == null
                        || oidc.jwkSetUri().isBlank()
                ? NimbusReactiveJwtDecoder.withIssuerLocation(oidc.issuerUri()).build()
                : NimbusReactiveJwtDecoder.withJwkSetUri(oidc.jwkSetUri()).build();
        // The issuer sets its tokens' lifetime; ours only insists that they have one and are not
        // dated ahead.
        OAuth2TokenValidator<Jwt> checks = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(oidc.issuerUri()), TokenChecks.external(clock));
        if (oidc.audience() != null && !oidc.audience().isBlank()) {
            checks = new DelegatingOAuth2TokenValidator<>(checks, this::meantForUs);
        }
        decoder.setClaimSetConverter(TokenChecks.claimsAsSent(MappedJwtClaimSetConverter.withDefaults(Map.of())));
        decoder.setJwtValidator(checks);
        return decoder;
    }

    private OAuth2TokenValidatorResult meantForUs(Jwt token) {
        boolean audience = token.getAudience() != null && token.getAudience().contains(oidc.audience());
        boolean authorizedParty = oidc.audience().equals(token.getClaimAsString("azp"));
        return audience || authorizedParty
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(
                        new OAuth2Error("invalid_token", "The token was issued for another client", null));
    }

    private Mono<CallerAuthentication> authenticate(Jwt token) {
        String username = token.getClaimAsString(oidc.usernameClaim());
        if (username == null) {
            return Mono.error(new BadCredentialsException("The token names no user"));
        }
        return users.findActiveByUsername(username.toLowerCase(java.util.Locale.ROOT))
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("No active local user for the token")))
                .map(user -> {
                    var local = user.asCaller();
                    Set<Role> roles = AccessTokens.roles(claimValues(token.getClaims(), oidc.rolesClaim()));
                    if (local.unitId() == null) {
                        roles.remove(
                                Role.UNIT_STAFF); // unit staff act for a unit; without one there is nothing to act for
                    }
                    // A ward's user holds only ward roles, a province officer only the province's.
                    roles.removeIf(role -> role.ofProvince() != local.ofProvince());
                    var caller = new Caller(
                            local.userId(),
                            local.username(),
                            local.provinceId(),
                            local.wardIdOrNull(),
                            local.wardCodeOrNull(),
                            roles,
                            local.unitId());
                    // The external issuer keeps the password; nothing here can ask for it to change.
                    return new CallerAuthentication(caller, token, false);
                });
    }

    /** Follows a dotted path (realm_access.roles) through nested claims to a list of strings. */
    static List<String> claimValues(Map<String, Object> claims, String path) {
        Object node = claims;
        for (String step : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return List.of();
            }
            node = map.get(step);
        }
        List<String> values = new ArrayList<>();
        if (node instanceof Collection<?> collection) {
            collection.forEach(value -> values.add(String.valueOf(value)));
        } else if (node instanceof String single) {
            values.add(single);
        }
        return values;
    }
}
