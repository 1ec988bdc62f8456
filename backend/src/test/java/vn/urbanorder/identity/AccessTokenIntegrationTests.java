package vn.urbanorder.identity;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
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

    /** A token signed with the service's own key, so only its claims can make it invalid. */
    private static String token(String issuer, Instant issuedAt, Instant expiresAt) {
        var key = new SecretKeySpec(Base64.getDecoder().decode(Fixtures.SIGNING_KEY), "HmacSHA256");
        var claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject("a1000000-0000-4000-8000-000000000102")
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .claim("preferred_username", "patrol1")
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
