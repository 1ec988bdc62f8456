package vn.urbanorder.console.web.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import vn.urbanorder.identity.DeskSessions;

/**
 * The console over plain HTTP, as a browser uses it: a session cookie from the sign-in form, and
 * each change posted with the token of the page it came from (or without, to see it refused).
 */
final class Desk {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    private final WebTestClient http;

    private Desk(WebTestClient http) {
        this.http = http;
    }

    static Desk on(int port) {
        // Pages are not under the contract: a plain client, which keeps no cookies by itself.
        return new Desk(WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build());
    }

    /** A signed-in person's session. */
    record Session(String cookie) {}

    private record Csrf(String token, String cookie) {}

    Session signIn(String username, String password) {
        ResponseCookie session = attemptSignIn(username, password)
                .expectStatus()
                .isSeeOther()
                .returnResult(String.class)
                .getResponseCookies()
                .getFirst(DeskSessions.COOKIE);
        assertThat(session).as("the session cookie").isNotNull();
        return new Session(session.getValue());
    }

    WebTestClient.ResponseSpec attemptSignIn(String username, String password) {
        Csrf csrf = csrf(null);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", username);
        form.add("password", password);
        return send("/console/sign-in", null, csrf, form);
    }

    WebTestClient.ResponseSpec get(Session session, String path) {
        return http.get()
                .uri(path)
                .cookie(DeskSessions.COOKIE, session.cookie())
                .exchange();
    }

    /** A partial update, as htmx asks for it. */
    WebTestClient.ResponseSpec getPartial(Session session, String path) {
        return http.get()
                .uri(path)
                .header("HX-Request", "true")
                .cookie(DeskSessions.COOKIE, session.cookie())
                .exchange();
    }

    /** Posts the form with a page's CSRF token, as the page's own form does. */
    WebTestClient.ResponseSpec post(Session session, String path, MultiValueMap<String, String> form) {
        return send(path, session, csrf(session), form);
    }

    /** Posts the form without any CSRF token: what a forged form on another site would send. */
    WebTestClient.ResponseSpec postWithoutToken(Session session, String path, MultiValueMap<String, String> form) {
        return http.post()
                .uri(path)
                .cookie(DeskSessions.COOKIE, session.cookie())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form))
                .exchange();
    }

    static MultiValueMap<String, String> form(String... namesAndValues) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    private WebTestClient.ResponseSpec send(
            String path, Session session, Csrf csrf, MultiValueMap<String, String> form) {
        MultiValueMap<String, String> sent = new LinkedMultiValueMap<>(form);
        sent.add("_csrf", csrf.token());
        var request = http.post().uri(path).cookie("UO_DESK_CSRF", csrf.cookie());
        if (session != null) {
            request = request.cookie(DeskSessions.COOKIE, session.cookie());
        }
        return request.contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(sent))
                .exchange();
    }

    /** The token a page carries and the cookie it came with (double submit). */
    private Csrf csrf(Session session) {
        var request = http.get().uri("/console/sign-in");
        if (session != null) {
            request = request.cookie(DeskSessions.COOKIE, session.cookie());
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
