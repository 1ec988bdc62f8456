package vn.urbanorder.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.TokenResponseDto;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;

/** Anyone changes their own password with the current one; the other sessions end. */
@IntegrationTest
class OwnPasswordIntegrationTests {

    private static final String NEW_PASSWORD = "a-brand-new-password";

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Test
    void aPatrolChangesTheirPasswordAndEverySessionButThisOneEnds() {
        String username = fixtures.user(Fixtures.DEMO_WARD, "PATROL");
        TokenResponseDto phone = fixtures.signIn(username);
        TokenResponseDto tablet = fixtures.signIn(username);

        TokenResponseDto fresh = change(phone.getAccessToken(), Fixtures.PASSWORD, NEW_PASSWORD)
                .expectStatus()
                .isOk()
                .expectHeader()
                .cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody(TokenResponseDto.class)
                .returnResult()
                .getResponseBody();

        refresh(phone.getRefreshToken()).expectStatus().isUnauthorized();
        refresh(tablet.getRefreshToken()).expectStatus().isUnauthorized();
        refresh(fresh.getRefreshToken()).expectStatus().isOk();
        assertThat(fresh.getUser().getUsername()).isEqualTo(username);
        Fixtures.attemptSignIn(http, username, Fixtures.PASSWORD).expectStatus().isUnauthorized();
        Fixtures.attemptSignIn(http, username, NEW_PASSWORD).expectStatus().isOk();
    }

    @Test
    void aWrongCurrentPasswordIsRefusedOnItsFieldAndCountsAsAFailedSignIn() {
        String username = fixtures.user(Fixtures.DEMO_WARD, "INSPECTOR");
        TokenResponseDto signedIn = fixtures.signIn(username);
        for (int attempt = 1; attempt <= 5; attempt++) {
            change(signedIn.getAccessToken(), "wrong-password-" + attempt, NEW_PASSWORD)
                    .expectStatus()
                    .isEqualTo(422)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("currentPassword");
        }

        change(signedIn.getAccessToken(), Fixtures.PASSWORD, NEW_PASSWORD)
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .value("Retry-After", seconds -> assertThat(Integer.parseInt(seconds))
                        .isBetween(1, 900));
        Fixtures.attemptSignIn(http, username, Fixtures.PASSWORD).expectStatus().isEqualTo(429);
        refresh(signedIn.getRefreshToken()).expectStatus().isOk();
    }

    @Test
    void aNewPasswordFollowsTheAdminsRulesAndABrokenOneChangesNothing() {
        String username = fixtures.user(Fixtures.DEMO_WARD, "WARD_ADMIN");
        TokenResponseDto signedIn = fixtures.signIn(username);

        change(signedIn.getAccessToken(), Fixtures.PASSWORD, "short")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("newPassword");
        // Thirty letters, but 90 bytes in UTF-8: more than bcrypt reads.
        change(signedIn.getAccessToken(), Fixtures.PASSWORD, "ữ".repeat(30))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("newPassword");
        for (int attempt = 1; attempt <= 5; attempt++) {
            change(signedIn.getAccessToken(), Fixtures.PASSWORD, Fixtures.PASSWORD)
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("newPassword");
        }

        refresh(signedIn.getRefreshToken()).expectStatus().isOk();
        // None of those counted as a failed sign-in: a sixth would have been refused.
        Fixtures.attemptSignIn(http, username, Fixtures.PASSWORD).expectStatus().isOk();
    }

    @Test
    void aDeactivatedUsersStillValidAccessTokenCannotChangeThePassword() {
        String username = fixtures.user(Fixtures.DEMO_WARD, "PATROL");
        TokenResponseDto signedIn = fixtures.signIn(username);
        http.patch()
                .uri("/api/v1/users/" + signedIn.getUser().getId())
                .header("Authorization", fixtures.bearer("admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"active\": false}")
                .exchange()
                .expectStatus()
                .isOk();

        change(signedIn.getAccessToken(), Fixtures.PASSWORD, NEW_PASSWORD)
                .expectStatus()
                .isForbidden();
    }

    @Test
    void withoutAnAccessTokenTheAnswerIs401() {
        http.patch()
                .uri("/api/v1/me/password")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body(Fixtures.PASSWORD, NEW_PASSWORD))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals("WWW-Authenticate", "Bearer");
    }

    private WebTestClient.ResponseSpec change(String accessToken, String current, String next) {
        return http.patch()
                .uri("/api/v1/me/password")
                .header("Authorization", "Bearer " + accessToken)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body(current, next))
                .exchange();
    }

    private static String body(String current, String next) {
        return "{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + next + "\"}";
    }

    private WebTestClient.ResponseSpec refresh(String refreshToken) {
        return http.post()
                .uri("/api/v1/auth/refresh")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"refreshToken\":\"" + refreshToken + "\"}")
                .exchange();
    }
}
