package vn.urbanorder.console.web.people;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.model.PasswordChangeDto;
import vn.urbanorder.api.model.RefreshRequestDto;
import vn.urbanorder.api.model.TokenResponseDto;
import vn.urbanorder.api.model.UserDto;
import vn.urbanorder.console.ApiProblem;
import vn.urbanorder.console.ConsoleApi;
import vn.urbanorder.identity.DeskSessions;

/**
 * Everyone's own account: changing one's password. The API ends every session of the person with
 * the change, this one too, so the page then asks them to sign in again with the new password.
 * Someone whose password a ward admin set is sent here from every other page until they change it
 * (identity.PasswordChangeGate), and the page tells them why.
 */
@Controller
class AccountPageController {

    private final ConsoleApi api;
    private final PeopleTexts texts;

    AccountPageController(ConsoleApi api, PeopleTexts texts) {
        this.api = api;
        this.texts = texts;
    }

    @GetMapping("/console/account")
    Mono<Rendering> account() {
        return page(Map.of(), HttpStatus.OK);
    }

    @PostMapping(path = "/console/account/password", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> changePassword(ServerWebExchange exchange) {
        return exchange.getFormData().map(SentForm::new).flatMap(form -> {
            String current = form.raw("currentPassword");
            String next = form.raw("newPassword");
            Map<String, String> errors = new LinkedHashMap<>();
            if (current.isEmpty()) {
                // Sent to the API, an empty password would count as a failed sign-in.
                errors.put("currentPassword", texts.text("console.account.error.currentMissing"));
            }
            if (!next.equals(form.raw("newPasswordAgain"))) {
                errors.put("newPasswordAgain", texts.text("console.account.error.mismatch"));
            }
            if (!errors.isEmpty()) {
                return page(errors, HttpStatus.UNPROCESSABLE_CONTENT);
            }
            return api.exchange(
                            client -> client.patch()
                                    .uri("/api/v1/me/password")
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .bodyValue(new PasswordChangeDto()
                                            .currentPassword(current)
                                            .newPassword(next)),
                            TokenResponseDto.class)
                    .flatMap(tokens -> forget(tokens).then(Mono.fromSupplier(() -> changed(exchange))))
                    .onErrorResume(ApiProblem.class, refused -> switch (refused.status()) {
                        case 422 -> page(refused.fieldErrors(), HttpStatus.UNPROCESSABLE_CONTENT);
                        case 429 ->
                            page(
                                    Map.of("currentPassword", String.valueOf(refused.detail())),
                                    HttpStatus.TOO_MANY_REQUESTS);
                        default -> Mono.error(refused);
                    });
        });
    }

    /**
     * The console keeps no tokens: the pair the API answers for "this session" is signed out at
     * once, with its own access token (the session's ended with the change). Should that fail,
     * the pair is only unused, and expires.
     */
    private Mono<Void> forget(TokenResponseDto tokens) {
        return api.exchange(
                        tokens.getAccessToken(),
                        client -> client.post()
                                .uri("/api/v1/auth/logout")
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(new RefreshRequestDto().refreshToken(tokens.getRefreshToken())),
                        Void.class)
                .then()
                .onErrorResume(ApiProblem.class, ignored -> Mono.empty());
    }

    /** The session has ended on the server; the browser forgets its cookie too. */
    private static Rendering changed(ServerWebExchange exchange) {
        exchange.getResponse()
                .addCookie(ResponseCookie.from(DeskSessions.COOKIE, "")
                        .httpOnly(true)
                        .sameSite("Lax")
                        .secure("https".equals(exchange.getRequest().getURI().getScheme()))
                        .path("/console")
                        .maxAge(Duration.ZERO)
                        .build());
        return Rendering.view("console/people/password-changed").build();
    }

    /** The page, saying so when the person must change a password someone else set. */
    private Mono<Rendering> page(Map<String, String> errors, HttpStatus status) {
        return api.get(uri -> uri.path("/api/v1/me").build(), UserDto.class)
                .map(me -> Rendering.view("console/people/account")
                        .modelAttribute("errors", errors)
                        .modelAttribute("mustChange", Boolean.TRUE.equals(me.getPasswordChangeRequired()))
                        .status(status)
                        .build());
    }
}
