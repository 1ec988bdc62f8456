package vn.urbanorder.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of sign-in and tokens ({@code urbanorder.security.*}); the README lists each.
 *
 * @param jwt the service's own tokens
 * @param signIn the brute-force limits
 * @param oidc an external OpenID Connect issuer whose tokens are accepted too
 * @param desk the console's sessions, for people at a desk
 */
@ConfigurationProperties("urbanorder.security")
record SecurityProperties(
        @DefaultValue Jwt jwt,
        @DefaultValue SignIn signIn,
        @DefaultValue Oidc oidc,
        @DefaultValue Desk desk) {

    /**
     * @param idleTimeout a console session left alone this long ends (background refreshes do not count)
     * @param maxAge a console session ends this long after sign-in, however busy
     */
    record Desk(
            @DefaultValue("30m") Duration idleTimeout,
            @DefaultValue("12h") Duration maxAge) {}

    /**
     * @param secret base64 HMAC key of at least 32 bytes, the same on every instance; unset, the key
     *     generated for this installation and kept in the database
     */
    record Jwt(
            String secret,
            @DefaultValue("urban-order") String issuer,
            @DefaultValue("15m") Duration accessTokenTtl,
            @DefaultValue("24h") Duration refreshTokenTtl) {}

    /**
     * @param maxFailuresPerUsername failed sign-ins for one username within the window before 429
     * @param maxFailuresPerAddress failed sign-ins from one client address within the window before 429
     */
    record SignIn(
            @DefaultValue("5") int maxFailuresPerUsername,
            @DefaultValue("30") int maxFailuresPerAddress,
            @DefaultValue("15m") Duration failureWindow) {}

    /**
     * @param issuerUri the issuer; unset, only the service's own tokens are accepted
     * @param jwkSetUri its keys; unset, found through the issuer's discovery document
     * @param rolesClaim dotted path of the claim holding role names, e.g. Keycloak's realm roles
     * @param usernameClaim the claim naming the local user the token stands for
     * @param audience when set, the token's {@code aud} must include it or its {@code azp} be it: the
     *     client id of the platform's apps, so tokens the issuer made for other clients are refused
     */
    record Oidc(
            String issuerUri,
            String jwkSetUri,
            String audience,
            @DefaultValue("realm_access.roles") String rolesClaim,
            @DefaultValue("preferred_username") String usernameClaim) {

        boolean configured() {
            return issuerUri != null && !issuerUri.isBlank();
        }
    }
}
