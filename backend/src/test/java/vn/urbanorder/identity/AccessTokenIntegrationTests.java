package vn.urbanorder.identity;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;

/** Every /api route but sign-in, refresh and categories needs a valid token of a trusted issuer. */
@IntegrationTest
class AccessTokenIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Test
    void noTokenIsAnUnauthorizedProblem() {
        http.get()
                .uri("/api/v1/me")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals("WWW-Authenticate", "Bearer")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anExpiredTokenIsUnauthorized() {
        Instant past = Instant.now().minusSeconds(3600);

        me("Bearer " + token("urban-order", past, past.plusSeconds(900)))
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void aTamperedTokenIsUnauthorized() {
        String token = fixtures.signIn("patrol1").getAccessToken();
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"PATROL\"", "\"WARD_ADMIN\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes()) + "."
                + parts[2];

        me("Bearer " + forged).expectStatus().isUnauthorized();
    }

    @Test
    void aTokenOfAnUntrustedIssuerIsUnauthorized() {
        Instant now = Instant.now();

        me("Bearer " + token("https://someone-else.example", now, now.plusSeconds(900)))
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void garbageIsUnauthorized() {
        me("Bearer not-a-jwt").expectStatus().isUnauthorized();
    }

    @Test
    void aTokenOfOursThatNeverExpiresIsUnauthorized() {
        var claims = validClaims();
        claims.remove("exp");

        assertRefused(claims);
    }

    @Test
    void aTokenIssuedInTheFutureIsUnauthorizedBeyondTheClockSkew() {
        long now = Instant.now().getEpochSecond();
        var claims = validClaims();
        claims.put("iat", now + 300);
        claims.put("exp", now + 900);
        assertRefused(claims);

        claims.put("iat", now + 30);
        me("Bearer " + signed(claims)).expectStatus().isOk();
    }

    @Test
    void aTokenWithoutIssueTimeIsUnauthorized() {
        var claims = validClaims();
        claims.remove("iat");
        assertRefused(claims);

        // Expiring within the clock skew, so a made-up issue time (a second before) would pass.
        claims.put("exp", Instant.now().getEpochSecond() + 30);
        assertRefused(claims);
    }

    @Test
    void aTokenLivingLongerThanAccessTokensAreIssuedForIsUnauthorized() {
        long now = Instant.now().getEpochSecond();
        var claims = validClaims();
        claims.put("iat", now - 60);
        claims.put("exp", now + 10 * 365 * 24 * 3600L);
        assertRefused(claims);

        claims.put("exp", now - 60 + 15 * 60 + 1);
        assertRefused(claims);

        claims.put("exp", now - 60 + 15 * 60);
        me("Bearer " + signed(claims)).expectStatus().isOk();
    }

    @Test
    void aTokenWithoutAValidSubjectIsUnauthorizedNotAServerError() {
        var claims = validClaims();
        claims.remove("sub");
        assertRefused(claims);
        claims.put("sub", "not-a-uuid");
        assertRefused(claims);
        claims.put("sub", 102);
        assertRefused(claims);
    }

    @Test
    void aTokenWithoutAValidProvinceOrWithRolesOfTheOtherLevelIsUnauthorized() {
        var claims = validClaims();
        claims.remove("province_id");
        assertRefused(claims);
        claims.put("province_id", "01");
        assertRefused(claims);

        var provinceRoleInAWard = validClaims();
        provinceRoleInAWard.put("roles", List.of("PATROL", "PROVINCE_ADMIN"));
        assertRefused(provinceRoleInAWard);

        var wardRoleWithoutAWard = validClaims();
        wardRoleWithoutAWard.remove("ward_id");
        wardRoleWithoutAWard.remove("ward_code");
        assertRefused(wardRoleWithoutAWard);
    }

    @Test
    void aTokenWithoutAValidWardIsUnauthorizedNotAServerError() {
        var claims = validClaims();
        claims.remove("ward_id");
        assertRefused(claims);
        claims.put("ward_id", "GT");
        assertRefused(claims);
        claims.put("ward_id", Map.of("id", Fixtures.DEMO_WARD.toString()));
        assertRefused(claims);
    }

    @Test
    void aTokenWithClaimsOfTheWrongTypeIsUnauthorizedNotAServerError() {
        var claims = validClaims();
        claims.put("unit_id", "unit-1");
        assertRefused(claims);

        claims = validClaims();
        claims.put("roles", "PATROL");
        assertRefused(claims);

        claims = validClaims();
        claims.put("exp", "tomorrow");
        assertRefused(claims);

        claims = validClaims();
        claims.put("iat", List.of(1));
        assertRefused(claims);

        claims = validClaims();
        claims.put("password_change_required", "no");
        assertRefused(claims);
    }

    @Test
    void anUnknownRouteIsNotFoundWithOrWithoutAToken() {
        http.get().uri("/api/v1/does-not-exist").exchange().expectStatus().isNotFound();
        http.get()
                .uri("/api/v1/does-not-exist")
                .header("Authorization", fixtures.bearer("patrol1"))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void categoriesNeedNoToken() {
        http.get().uri("/api/v1/categories").exchange().expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec me(String authorization) {
        return http.get()
                .uri("/api/v1/me")
                .header("Authorization", authorization)
                .exchange();
    }

    private void assertRefused(Map<String, Object> claims) {
        me("Bearer " + signed(claims))
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals("WWW-Authenticate", "Bearer")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.requestId")
                .exists();
    }

    /** What the service puts in patrol1's access token, issued now. */
    private static Map<String, Object> validClaims() {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "urban-order");
        claims.put("sub", "a1000000-0000-4000-8000-000000000102");
        claims.put("iat", now);
        claims.put("exp", now + 900);
        claims.put("preferred_username", "patrol1");
        claims.put("province_id", Fixtures.DEMO_PROVINCE.toString());
        claims.put("ward_id", Fixtures.DEMO_WARD.toString());
        claims.put("ward_code", "GT");
        claims.put("roles", List.of("PATROL"));
        return claims;
    }

    /** These claims, as they are, signed with the service's key: only what they say can be wrong. */
    private static String signed(Map<String, Object> claims) {
        var base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = base64.encodeToString(
                JsonMapper.builder().build().writeValueAsString(claims).getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(Fixtures.SIGNING_KEY), "HmacSHA256"));
            byte[] signature = mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + base64.encodeToString(signature);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token signed with the service's own key, so only its claims can make it invalid. */
    private static String token(String issuer, Instant issuedAt, Instant expiresAt) {
        var key = new SecretKeySpec(Base64.getDecoder().decode(Fixtures.SIGNING_KEY), "HmacSHA256");
        var claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject("a1000000-0000-4000-8000-000000000102")
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .claim("preferred_username", "patrol1")
                .claim("province_id", Fixtures.DEMO_PROVINCE.toString())
                .claim("ward_id", Fixtures.DEMO_WARD.toString())
                .claim("ward_code", "GT")
                .claim("roles", List.of("PATROL"))
                .build();
        return new NimbusJwtEncoder(new ImmutableSecret<>(key))
                .encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }
}
