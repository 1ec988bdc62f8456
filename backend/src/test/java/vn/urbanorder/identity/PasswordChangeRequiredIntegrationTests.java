package vn.urbanorder.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.TokenResponseDto;
import vn.urbanorder.api.model.UserDto;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;

/**
 * Issue 21's check: an admin creates a patrol officer, who signs in with the one-time password and
 * must change it before anything else; an admin's reset asks again; the change is asked once.
 */
@IntegrationTest
class PasswordChangeRequiredIntegrationTests {

    private static final String ONE_TIME = "mat-khau-mot-lan-7Q";
    private static final String OWN = "mat-khau-cua-rieng-toi";
    private static final String PROBLEM_TYPE = "https://urbanorder.vn/problems/password-change-required";

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    String admin;

    @BeforeEach
    void aWardAdmin() {
        admin = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "WARD_ADMIN"));
    }

    @Test
    void anOfficerCreatedWithAPasswordChangesItBeforeAnythingElseAndIsNotAskedAgain() {
        String username = Fixtures.uniqueUsername();
        UserDto created = createPatrol(username);
        assertThat(created.getPasswordChangeRequired()).isTrue();

        TokenResponseDto first = signIn(username, ONE_TIME);
        assertThat(first.getUser().getPasswordChangeRequired()).isTrue();
        String bearer = "Bearer " + first.getAccessToken();
        refusedUntilChanged(get("/api/v1/reports", bearer));
        refusedUntilChanged(get("/api/v1/units", bearer));
        refusedUntilChanged(get("/api/v1/users/" + created.getId(), bearer));
        get("/api/v1/me", bearer)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.passwordChangeRequired")
                .isEqualTo(true);

        TokenResponseDto changed = change(bearer, ONE_TIME, OWN)
                .expectStatus()
                .isOk()
                .expectBody(TokenResponseDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(changed.getUser().getPasswordChangeRequired()).isFalse();
        get("/api/v1/reports", "Bearer " + changed.getAccessToken())
                .expectStatus()
                .isOk();

        TokenResponseDto again = signIn(username, OWN);
        assertThat(again.getUser().getPasswordChangeRequired()).isFalse();
        get("/api/v1/reports", "Bearer " + again.getAccessToken())
                .expectStatus()
                .isOk();
        get("/api/v1/me", "Bearer " + again.getAccessToken())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.passwordChangeRequired")
                .isEqualTo(false);
        TokenResponseDto renewed = refresh(again.getRefreshToken());
        assertThat(renewed.getUser().getPasswordChangeRequired()).isFalse();
        get("/api/v1/reports", "Bearer " + renewed.getAccessToken())
                .expectStatus()
                .isOk();
    }

    @Test
    void renewingTheTokensKeepsTheRequirement() {
        String username = Fixtures.uniqueUsername();
        createPatrol(username);
        TokenResponseDto renewed = refresh(signIn(username, ONE_TIME).getRefreshToken());

        assertThat(renewed.getUser().getPasswordChangeRequired()).isTrue();
        refusedUntilChanged(get("/api/v1/reports", "Bearer " + renewed.getAccessToken()));
    }

    @Test
    void anAdminsResetAsksAgainButTheirOwnPasswordSetOnThemselvesDoesNot() {
        String username = fixtures.user(Fixtures.DEMO_WARD, "PATROL");
        UUID id = fixtures.signIn(username).getUser().getId();

        http.patch()
                .uri("/api/v1/users/" + id)
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"password\": \"" + ONE_TIME + "\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.passwordChangeRequired")
                .isEqualTo(true);
        TokenResponseDto reset = signIn(username, ONE_TIME);
        assertThat(reset.getUser().getPasswordChangeRequired()).isTrue();
        refusedUntilChanged(get("/api/v1/reports", "Bearer " + reset.getAccessToken()));

        // Other changes of the account leave the requirement as it is.
        http.patch()
                .uri("/api/v1/users/" + id)
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"displayName\": \"Trần Văn Bình\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.passwordChangeRequired")
                .isEqualTo(true);

        TokenResponseDto self = fixtures.signIn(fixtures.user(Fixtures.DEMO_WARD, "WARD_ADMIN"));
        http.patch()
                .uri("/api/v1/users/" + self.getUser().getId())
                .header("Authorization", "Bearer " + self.getAccessToken())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"password\": \"" + OWN + "\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.passwordChangeRequired")
                .isEqualTo(false);
    }

    @Test
    void signingOutWorksMeanwhile() {
        String username = Fixtures.uniqueUsername();
        createPatrol(username);
        TokenResponseDto first = signIn(username, ONE_TIME);

        http.post()
                .uri("/api/v1/auth/logout")
                .header("Authorization", "Bearer " + first.getAccessToken())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"refreshToken\":\"" + first.getRefreshToken() + "\"}")
                .exchange()
                .expectStatus()
                .isNoContent();
        http.post()
                .uri("/api/v1/auth/refresh")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"refreshToken\":\"" + first.getRefreshToken() + "\"}")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void anUnknownRouteIsStillNotFoundAndNoTokenStill401() {
        String username = Fixtures.uniqueUsername();
        createPatrol(username);
        String bearer = "Bearer " + signIn(username, ONE_TIME).getAccessToken();

        get("/api/v1/no-such-thing", bearer).expectStatus().isNotFound();
        get("/api/v1/reports", "Bearer not-a-token").expectStatus().isUnauthorized();
    }

    private UserDto createPatrol(String username) {
        return http.post()
                .uri("/api/v1/users")
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"" + username + "\",\"displayName\":\"Lê Văn Tuần\",\"roles\":[\"PATROL\"],"
                        + "\"password\":\"" + ONE_TIME + "\"}")
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(UserDto.class)
                .returnResult()
                .getResponseBody();
    }

    private static void refusedUntilChanged(WebTestClient.ResponseSpec answer) {
        answer.expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo(PROBLEM_TYPE)
                .jsonPath("$.title")
                .isEqualTo("Cần đổi mật khẩu")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("đổi"));
    }

    private TokenResponseDto signIn(String username, String password) {
        return Fixtures.attemptSignIn(http, username, password)
                .expectStatus()
                .isOk()
                .expectBody(TokenResponseDto.class)
                .returnResult()
                .getResponseBody();
    }

    private TokenResponseDto refresh(String refreshToken) {
        return http.post()
                .uri("/api/v1/auth/refresh")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"refreshToken\":\"" + refreshToken + "\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(TokenResponseDto.class)
                .returnResult()
                .getResponseBody();
    }

    private WebTestClient.ResponseSpec get(String path, String bearer) {
        return http.get().uri(path).header("Authorization", bearer).exchange();
    }

    private WebTestClient.ResponseSpec change(String bearer, String current, String next) {
        return http.patch()
                .uri("/api/v1/me/password")
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + next + "\"}")
                .exchange();
    }
}
