package vn.urbanorder.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import vn.urbanorder.identity.DeskSessions;

/** Signs in to the console over plain HTTP, through the form as a browser does. */
public final class DeskSignIn {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    private DeskSignIn() {}

    /** The session cookie's value. */
    public static String session(WebTestClient http, String username) {
        var signInPage = http.get().uri("/console/sign-in").exchange().returnResult(String.class);
        Matcher token = TOKEN.matcher(
                String.join("", signInPage.getResponseBody().collectList().block()));
        assertThat(token.find()).as("the page's CSRF token").isTrue();
        ResponseCookie csrf = signInPage.getResponseCookies().getFirst("UO_DESK_CSRF");
        assertThat(csrf).as("the CSRF cookie").isNotNull();
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", token.group(1));
        form.add("username", username);
        form.add("password", Fixtures.PASSWORD);
        ResponseCookie session = http.post()
                .uri("/console/sign-in")
                .cookie("UO_DESK_CSRF", csrf.getValue())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form))
                .exchange()
                .expectStatus()
                .isSeeOther()
                .returnResult(String.class)
                .getResponseCookies()
                .getFirst(DeskSessions.COOKIE);
        assertThat(session).as("the session cookie").isNotNull();
        return session.getValue();
    }
}
