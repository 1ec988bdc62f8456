package vn.urbanorder.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.TokenResponseDto;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;

@IntegrationTest
class SignInIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DatabaseClient database;

    @Test
    void theDemoAdminSignsInAndIsAWardAdminOfGiaThuy() {
        TokenResponseDto tokens = http.post()
                .uri("/api/v1/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"admin\",\"password\":\"demo-password-1\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody(TokenResponseDto.class)
                .returnResult()
                .getResponseBody();

        assertThat(tokens.getTokenType()).isEqualTo(TokenResponseDto.TokenTypeEnum.BEARER);
        assertThat(tokens.getExpiresIn()).isEqualTo(900);
        assertThat(tokens.getRefreshToken()).hasSizeGreaterThan(40);
        assertThat(tokens.getUser().getWardCode()).isEqualTo("GT");

        http.get()
                .uri("/api/v1/me")
                .header("Authorization", "Bearer " + tokens.getAccessToken())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.username")
                .isEqualTo("admin")
                .jsonPath("$.roles[0]")
                .isEqualTo("WARD_ADMIN")
                .jsonPath("$.wardCode")
                .isEqualTo("GT")
                .jsonPath("$.active")
                .isEqualTo(true);
    }

    @Test
    void usernamesAreCaseInsensitive() {
        String username = fixtures.user(Fixtures.DEMO_WARD, "PATROL");

        signIn(username.toUpperCase(), Fixtures.PASSWORD).expectStatus().isOk();
    }

    @Test
    void anUnknownUserAWrongPasswordAndADeactivatedUserGetTheSameAnswer() {
        String deactivated = fixtures.user(Fixtures.DEMO_WARD, "PATROL");
        database.sql("UPDATE app_user SET active = false WHERE username = :u")
                .bind("u", deactivated)
                .then()
                .block();

        String unknown = failedSignIn(Fixtures.uniqueUsername(), Fixtures.PASSWORD);
        String wrongPassword = failedSignIn(fixtures.user(Fixtures.DEMO_WARD, "PATROL"), "not-the-password");
        String inactive = failedSignIn(deactivated, Fixtures.PASSWORD);

        assertThat(wrongPassword).isEqualTo(unknown);
        assertThat(inactive).isEqualTo(unknown);
    }

    @Test
    void missingCredentialsAreAValidationProblem() {
        http.post()
                .uri("/api/v1/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"admin\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("password")
                .jsonPath("$.errors[0].message")
                .isEqualTo("không được để trống");
    }

    @Test
    void malformedJsonIsABadRequest() {
        http.post()
                .uri("/api/v1/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\": \"admin\", ")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private WebTestClient.ResponseSpec signIn(String username, String password) {
        return Fixtures.attemptSignIn(http, username, password);
    }

    /** The problem's title and detail: what the client can tell apart. */
    private String failedSignIn(String username, String password) {
        var problem = signIn(username, password)
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals("WWW-Authenticate", "Bearer")
                .expectBody(java.util.Map.class)
                .returnResult()
                .getResponseBody();
        return problem.get("title") + " | " + problem.get("detail");
    }
}
