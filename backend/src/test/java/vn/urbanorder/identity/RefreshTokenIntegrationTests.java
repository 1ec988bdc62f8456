package vn.urbanorder.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.TokenResponseDto;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;

@IntegrationTest
class RefreshTokenIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Autowired
    org.springframework.r2dbc.core.DatabaseClient database;

    @Test
    void aRefreshTokenTradesOnceForANewPair() {
        TokenResponseDto first = fixtures.signIn(fixtures.user(Fixtures.DEMO_WARD, "PATROL"));

        TokenResponseDto second = refresh(first.getRefreshToken())
                .expectStatus()
                .isOk()
                .expectBody(TokenResponseDto.class)
                .returnResult()
                .getResponseBody();

        assertThat(second.getRefreshToken()).isNotEqualTo(first.getRefreshToken());
        http.get()
                .uri("/api/v1/me")
                .header("Authorization", "Bearer " + second.getAccessToken())
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void reusingASpentTokenRevokesItsWholeFamily() {
        TokenResponseDto signedIn = fixtures.signIn(fixtures.user(Fixtures.DEMO_WARD, "PATROL"));
        String spent = signedIn.getRefreshToken();
        String newest = refresh(spent)
                .expectStatus()
                .isOk()
                .expectBody(TokenResponseDto.class)
                .returnResult()
                .getResponseBody()
                .getRefreshToken();

        refresh(spent).expectStatus().isUnauthorized();

        refresh(newest).expectStatus().isUnauthorized();
    }

    @Test
    void anotherSignInIsAnotherFamilyAndSurvivesTheRevocation() {
        String username = fixtures.user(Fixtures.DEMO_WARD, "PATROL");
        TokenResponseDto phone = fixtures.signIn(username);
        TokenResponseDto tablet = fixtures.signIn(username);
        refresh(phone.getRefreshToken()).expectStatus().isOk();
        refresh(phone.getRefreshToken()).expectStatus().isUnauthorized();

        refresh(tablet.getRefreshToken()).expectStatus().isOk();
    }

    @Test
    void signingOutRevokesTheRefreshToken() {
        TokenResponseDto signedIn = fixtures.signIn(fixtures.user(Fixtures.DEMO_WARD, "PATROL"));

        http.post()
                .uri("/api/v1/auth/logout")
                .header("Authorization", "Bearer " + signedIn.getAccessToken())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"refreshToken\":\"" + signedIn.getRefreshToken() + "\"}")
                .exchange()
                .expectStatus()
                .isNoContent();

        refresh(signedIn.getRefreshToken()).expectStatus().isUnauthorized();
    }

    @Test
    void signingOutNeedsAnAccessToken() {
        http.post()
                .uri("/api/v1/auth/logout")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"refreshToken\":\"whatever\"}")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void aDeactivatedUserCannotRefresh() {
        String username = fixtures.user(Fixtures.DEMO_WARD, "PATROL");
        TokenResponseDto signedIn = fixtures.signIn(username);
        String admin = fixtures.bearer("admin");

        http.patch()
                .uri("/api/v1/users/" + signedIn.getUser().getId())
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"active\": false}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.active")
                .isEqualTo(false);

        refresh(signedIn.getRefreshToken()).expectStatus().isUnauthorized();
    }

    @Test
    void aUserDeactivatedBehindTheTokensBackCannotRefresh() {
        String username = fixtures.user(Fixtures.DEMO_WARD, "PATROL");
        TokenResponseDto signedIn = fixtures.signIn(username);
        database.sql("UPDATE app_user SET active = false WHERE username = :u")
                .bind("u", username)
                .then()
                .block();

        refresh(signedIn.getRefreshToken()).expectStatus().isUnauthorized();
    }

    @Test
    void anExpiredAccessTokenDoesNotStandInTheWayOfRefreshing() {
        TokenResponseDto signedIn = fixtures.signIn(fixtures.user(Fixtures.DEMO_WARD, "PATROL"));

        http.post()
                .uri("/api/v1/auth/refresh")
                .header("Authorization", "Bearer expired.or.garbage")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"refreshToken\":\"" + signedIn.getRefreshToken() + "\"}")
                .exchange()
                .expectStatus()
                .isOk();
        http.get()
                .uri("/api/v1/categories")
                .header("Authorization", "Bearer expired.or.garbage")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void aMadeUpTokenIsUnauthorized() {
        refresh("made-up-token").expectStatus().isUnauthorized();
    }

    private WebTestClient.ResponseSpec refresh(String refreshToken) {
        return http.post()
                .uri("/api/v1/auth/refresh")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"refreshToken\":\"" + refreshToken + "\"}")
                .exchange();
    }
}
