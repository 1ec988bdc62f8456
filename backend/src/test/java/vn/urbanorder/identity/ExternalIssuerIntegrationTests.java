package vn.urbanorder.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;

/**
 * With an OIDC issuer configured (Keycloak, say), its tokens are accepted too: they name a local
 * user, whose ward applies, and carry roles in the configured claim. The issuer's keys are served
 * here by a small local server, as Keycloak would serve them.
 */
@IntegrationTest
class ExternalIssuerIntegrationTests {

    private static final String ISSUER = "https://sso.example.vn/realms/phuong";
    private static final String CLIENT = "urban-order-app";
    private static final RSAKey KEY = newKey();
    private static final DisposableServer KEYS = HttpServer.create()
            .host("localhost")
            .port(0)
            .route(routes ->
                    routes.get("/certs", (request, response) -> response.header("Content-Type", "application/json")
                            .sendString(reactor.core.publisher.Mono.just(new JWKSet(KEY.toPublicJWK()).toString()))))
            .bindNow();

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Autowired
    org.springframework.r2dbc.core.DatabaseClient database;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("urbanorder.security.oidc.issuer-uri", () -> ISSUER);
        registry.add("urbanorder.security.oidc.jwk-set-uri", () -> "http://localhost:" + KEYS.port() + "/certs");
        registry.add("urbanorder.security.oidc.audience", () -> CLIENT);
    }

    @AfterAll
    static void stopKeys() {
        KEYS.disposeNow();
    }

    @Test
    void aTokenOfTheIssuerActsForTheLocalUserWithTheRolesItCarries() {
        String username = fixtures.user(Fixtures.DEMO_WARD, "PATROL");
        String token = token(username, List.of("WARD_ADMIN", "offline_access"));

        http.get()
                .uri("/api/v1/me")
                .header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.username")
                .isEqualTo(username)
                .jsonPath("$.wardCode")
                .isEqualTo("GT");
        http.get()
                .uri("/api/v1/users")
                .header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void rolesTheTokenDoesNotCarryAreNotGranted() {
        String token = token(fixtures.user(Fixtures.DEMO_WARD, "WARD_ADMIN"), List.of("PATROL"));

        http.get()
                .uri("/api/v1/users")
                .header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void aTokenForNoLocalUserIsUnauthorized() {
        http.get()
                .uri("/api/v1/me")
                .header("Authorization", "Bearer " + token(Fixtures.uniqueUsername(), List.of("PATROL")))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void aTokenTheIssuerMadeForAnotherClientIsUnauthorized() {
        String token = token(fixtures.user(Fixtures.DEMO_WARD, "PATROL"), List.of("PATROL"), "hr-portal");

        http.get()
                .uri("/api/v1/me")
                .header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void aDeactivatedLocalUserIsUnauthorized() {
        String username = fixtures.user(Fixtures.DEMO_WARD, "PATROL");
        database.sql("UPDATE app_user SET active = false WHERE username = :u")
                .bind("u", username)
                .then()
                .block();

        http.get()
                .uri("/api/v1/me")
                .header("Authorization", "Bearer " + token(username, List.of("PATROL")))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void aTokenOfTheIssuerThatNeverExpiresIsUnauthorized() {
        String username = fixtures.user(Fixtures.DEMO_WARD, "PATROL");

        me(token(username, claims -> claims.claims(all -> all.remove("exp"))))
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void aTokenOfTheIssuerIssuedInTheFutureIsUnauthorized() {
        String username = fixtures.user(Fixtures.DEMO_WARD, "PATROL");
        Instant later = Instant.now().plusSeconds(600);

        me(token(username, claims -> claims.issuedAt(later).expiresAt(later.plusSeconds(300))))
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void theIssuerSetsItsTokensLifetimeAndMayLeaveOutTheIssueTime() {
        String username = fixtures.user(Fixtures.DEMO_WARD, "PATROL");
        Instant now = Instant.now();

        me(token(username, claims -> claims.expiresAt(now.plus(java.time.Duration.ofDays(1)))))
                .expectStatus()
                .isOk();
        me(token(username, claims -> claims.claims(all -> all.remove("iat"))))
                .expectStatus()
                .isOk();
    }

    private WebTestClient.ResponseSpec me(String token) {
        return http.get()
                .uri("/api/v1/me")
                .header("Authorization", "Bearer " + token)
                .exchange();
    }

    private static String token(String username, List<String> roles) {
        return token(username, roles, CLIENT, claims -> {});
    }

    private static String token(String username, List<String> roles, String audience) {
        return token(username, roles, audience, claims -> {});
    }

    private static String token(String username, java.util.function.Consumer<JwtClaimsSet.Builder> changes) {
        return token(username, List.of("PATROL"), CLIENT, changes);
    }

    private static String token(
            String username,
            List<String> roles,
            String audience,
            java.util.function.Consumer<JwtClaimsSet.Builder> changes) {
        Instant now = Instant.now();
        var builder = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject("kc-" + username)
                .issuedAt(now)
                .expiresAt(now.plusSeconds(300))
                .audience(List.of(audience))
                .claim("preferred_username", username)
                .claim("realm_access", Map.of("roles", roles));
        changes.accept(builder);
        var claims = builder.build();
        var header =
                JwsHeader.with(SignatureAlgorithm.RS256).keyId(KEY.getKeyID()).build();
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(KEY)))
                .encode(JwtEncoderParameters.from(header, claims))
                .getTokenValue();
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-key").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
