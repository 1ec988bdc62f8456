package vn.urbanorder.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import vn.urbanorder.identity.DeskSessions;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;

/**
 * Signing in and out of the console over plain HTTP, as a browser does it: the session cookie's
 * flags, the CSRF token every change needs, the API's brute-force limits, and a session that ends
 * on the server (signed out, idle, deactivated, new password) opening nothing afterwards.
 */
@IntegrationTest
class ConsoleSignInIntegrationTests {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DatabaseClient database;

    WebTestClient http;

    @BeforeEach
    void browser() {
        // Pages are not under the contract: a plain client, which keeps no cookies by itself.
        http = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    @Test
    void signingInGivesAnHttpOnlySameSiteCookieForTheConsoleOnly() {
        String staff = fixtures.user(Fixtures.DEMO_WARD, "INSPECTOR");

        ResponseCookie session = signIn(staff, Fixtures.PASSWORD);

        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat(session.getPath()).isEqualTo("/console");
        assertThat(session.getValue()).hasSizeGreaterThanOrEqualTo(40);
        page("/console/queue", session).expectStatus().isOk();
        // A tampered page link (braces a URI template would take for placeholders) starts from page one.
        for (String list : List.of("/console/queue", "/console/reviews")) {
            http.get()
                    .uri(list + "?cursor={cursor}", "{x}")
                    .cookie(DeskSessions.COOKIE, session.getValue())
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
    }

    @Test
    void withoutASessionPagesGoToSignInAndPartialUpdatesAreToldTo() {
        http.get()
                .uri("/console/queue")
                .exchange()
                .expectStatus()
                .isSeeOther()
                .expectHeader()
                .location("/console/sign-in");
        http.get()
                .uri("/console/queue")
                .header("HX-Request", "true")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals("HX-Redirect", "/console/sign-in");
    }

    @Test
    void aWrongPasswordIsRefusedAndTooManyTriesGetTheApisLimit() {
        String staff = fixtures.user(Fixtures.DEMO_WARD, "INSPECTOR");
        for (int attempt = 1; attempt <= 5; attempt++) {
            attemptSignIn(staff, "wrong-password-" + attempt)
                    .expectStatus()
                    .isUnauthorized()
                    .expectBody(String.class)
                    .value(page -> assertThat(page).contains("Sai tên đăng nhập hoặc mật khẩu"));
        }
        attemptSignIn(staff, Fixtures.PASSWORD)
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("Đăng nhập sai quá nhiều lần"));
    }

    @Test
    void aChangeWithoutThePagesCsrfTokenIsRefusedAndChangesNothing() {
        String staff = fixtures.user(Fixtures.DEMO_WARD, "INSPECTOR");
        ResponseCookie session = signIn(staff, Fixtures.PASSWORD);

        http.post()
                .uri("/console/sign-out")
                .cookie(DeskSessions.COOKIE, session.getValue())
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("thiếu mã bảo vệ"));
        page("/console/queue", session).expectStatus().isOk();
    }

    @Test
    void signingOutEndsTheSessionOnTheServer() {
        String staff = fixtures.user(Fixtures.DEMO_WARD, "INSPECTOR");
        ResponseCookie session = signIn(staff, Fixtures.PASSWORD);
        Csrf csrf = csrf(session);

        http.post()
                .uri("/console/sign-out")
                .cookie(DeskSessions.COOKIE, session.getValue())
                .cookie("UO_DESK_CSRF", csrf.cookie())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", csrf.token()))
                .exchange()
                .expectStatus()
                .isSeeOther()
                .expectHeader()
                .location("/console/sign-in?signedOut=1");

        // The old cookie, kept by someone who copied it, opens nothing.
        page("/console/queue", session).expectStatus().isSeeOther();
    }

    @Test
    void anIdleSessionADeactivatedUserAndANewPasswordEachEndTheSession() {
        String idle = fixtures.user(Fixtures.DEMO_WARD, "INSPECTOR");
        ResponseCookie idleSession = signIn(idle, Fixtures.PASSWORD);
        database.sql("UPDATE desk_session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = "
                        + "(SELECT id FROM app_user WHERE username = :name)")
                .bind("name", idle)
                .then()
                .block();
        page("/console/queue", idleSession).expectStatus().isSeeOther();

        String leaving = fixtures.user(Fixtures.DEMO_WARD, "INSPECTOR");
        ResponseCookie leavingSession = signIn(leaving, Fixtures.PASSWORD);
        database.sql("UPDATE app_user SET active = false WHERE username = :name")
                .bind("name", leaving)
                .then()
                .block();
        page("/console/queue", leavingSession).expectStatus().isSeeOther();

        String changing = fixtures.user(Fixtures.DEMO_WARD, "INSPECTOR");
        ResponseCookie changingSession = signIn(changing, Fixtures.PASSWORD);
        http.patch()
                .uri("/api/v1/me/password")
                .header(HttpHeaders.AUTHORIZATION, fixtures.bearer(changing))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"currentPassword\":\"" + Fixtures.PASSWORD + "\",\"newPassword\":\"another-password-2\"}")
                .exchange()
                .expectStatus()
                .isOk();
        page("/console/queue", changingSession).expectStatus().isSeeOther();
    }

    @Test
    void theIdleClockIsWrittenAtMostOnceAMinuteAndNeverByTheBackgroundRefresh() {
        String staff = fixtures.user(Fixtures.DEMO_WARD, "INSPECTOR");
        ResponseCookie session = signIn(staff, Fixtures.PASSWORD);

        idleFor(staff, "30 seconds");
        page("/console/queue", session).expectStatus().isOk();
        assertThat(idleClockRestarted(staff)).as("restarted within a minute").isFalse();

        idleFor(staff, "5 minutes");
        http.get()
                .uri("/console/queue")
                .cookie(DeskSessions.COOKIE, session.getValue())
                .header("X-Desk-Background", "1")
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(idleClockRestarted(staff)).as("restarted by a refresh").isFalse();

        page("/console/queue", session).expectStatus().isOk();
        assertThat(idleClockRestarted(staff))
                .as("restarted by the person after a minute")
                .isTrue();
    }

    private void idleFor(String username, String interval) {
        database.sql("UPDATE desk_session SET last_seen_at = now() - interval '" + interval + "' WHERE user_id = "
                        + "(SELECT id FROM app_user WHERE username = :name)")
                .bind("name", username)
                .then()
                .block();
    }

    private boolean idleClockRestarted(String username) {
        return Boolean.TRUE.equals(database.sql("SELECT last_seen_at > now() - interval '10 seconds' AS restarted"
                        + " FROM desk_session WHERE user_id = (SELECT id FROM app_user WHERE username = :name)")
                .bind("name", username)
                .map(row -> row.get("restarted", Boolean.class))
                .one()
                .block());
    }

    /** Signs in through the form, as a browser does: the page's token and cookie, then the POST. */
    private ResponseCookie signIn(String username, String password) {
        ResponseCookie session = attemptSignIn(username, password)
                .expectStatus()
                .isSeeOther()
                .expectHeader()
                .location("/console/")
                .returnResult(String.class)
                .getResponseCookies()
                .getFirst(DeskSessions.COOKIE);
        assertThat(session).as("the session cookie").isNotNull();
        return session;
    }

    private WebTestClient.ResponseSpec attemptSignIn(String username, String password) {
        Csrf csrf = csrf(null);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", csrf.token());
        form.add("username", username);
        form.add("password", password);
        return http.post()
                .uri("/console/sign-in")
                .cookie("UO_DESK_CSRF", csrf.cookie())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form))
                .exchange();
    }

    private WebTestClient.ResponseSpec page(String path, ResponseCookie session) {
        return http.get()
                .uri(path)
                .cookie(DeskSessions.COOKIE, session.getValue())
                .exchange();
    }

    private record Csrf(String token, String cookie) {}

    /** The token a page carries and the cookie it came with (double submit). */
    private Csrf csrf(ResponseCookie session) {
        var request = http.get().uri("/console/sign-in");
        if (session != null) {
            request = request.cookie(DeskSessions.COOKIE, session.getValue());
        }
        var result = request.exchange().expectStatus().isOk().returnResult(String.class);
        String page = String.join("", result.getResponseBody().collectList().block());
        Matcher token = TOKEN.matcher(page);
        assertThat(token.find()).as("the page's CSRF token").isTrue();
        ResponseCookie cookie = result.getResponseCookies().getFirst("UO_DESK_CSRF");
        assertThat(cookie).as("the CSRF cookie").isNotNull();
        return new Csrf(token.group(1), cookie.getValue());
    }
}
