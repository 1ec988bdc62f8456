package vn.urbanorder.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.oauth2.jwt.Jwt;
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

    ExternalCallers(SecurityProperties properties, UserStore users) {
        this.oidc = properties.oidc();
        this.users = users;
    }

    ReactiveAuthenticationManager authenticationManager() {
        var manager = new JwtReactiveAuthenticationManager(decoder());
        manager.setJwtAuthenticationConverter(this::authenticate);
        return manager;
    }

    private ReactiveJwtDecoder decoder() {
        // Both resolve the issuer's keys lazily, on the first token, so start-up needs no network.
        return oidc.jwkSetUri() == null || oidc.jwkSetUri().isBlank()
                ? NimbusReactiveJwtDecoder.withIssuerLocation(oidc.issuerUri()).build()
                : NimbusReactiveJwtDecoder.withJwkSetUri(oidc.jwkSetUri()).build();
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
                    var caller = new Caller(
                            local.userId(),
                            local.username(),
                            local.wardId(),
                            local.wardCode(),
                            AccessTokens.roles(claimValues(token.getClaims(), oidc.rolesClaim())),
                            local.unitId());
                    return new CallerAuthentication(caller, token);
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
