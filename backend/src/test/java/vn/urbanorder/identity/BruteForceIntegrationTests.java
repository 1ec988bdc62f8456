package vn.urbanorder.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;

@IntegrationTest
class BruteForceIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Test
    void fiveWrongPasswordsLockTheUsernameEvenAgainstTheRightOne() {
        String username = fixtures.user(Fixtures.DEMO_WARD, "PATROL");
        for (int attempt = 1; attempt <= 5; attempt++) {
            signIn(username, "wrong-password-" + attempt).expectStatus().isUnauthorized();
        }

        signIn(username, Fixtures.PASSWORD)
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .value("Retry-After", seconds -> assertThat(Integer.parseInt(seconds))
                        .isBetween(1, 900))
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aSuccessfulSignInForgivesEarlierFailures() {
        String username = fixtures.user(Fixtures.DEMO_WARD, "PATROL");
        for (int attempt = 1; attempt <= 4; attempt++) {
            signIn(username, "wrong-password-" + attempt).expectStatus().isUnauthorized();
        }
        signIn(username, Fixtures.PASSWORD).expectStatus().isOk();

        for (int attempt = 1; attempt <= 4; attempt++) {
            signIn(username, "wrong-again-" + attempt).expectStatus().isUnauthorized();
        }
        signIn(username, Fixtures.PASSWORD).expectStatus().isOk();
    }

    @Test
    void guessingUnknownUsernamesIsLimitedToo() {
        String username = Fixtures.uniqueUsername();
        for (int attempt = 1; attempt <= 5; attempt++) {
            signIn(username, "guess-number-" + attempt).expectStatus().isUnauthorized();
        }

        signIn(username, "guess-number-6").expectStatus().isEqualTo(429);
    }

    private WebTestClient.ResponseSpec signIn(String username, String password) {
        return Fixtures.attemptSignIn(http, username, password);
    }
}
