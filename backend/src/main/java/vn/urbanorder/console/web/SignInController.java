package vn.urbanorder.console.web;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.urbanorder.identity.DeskSessions;
import vn.urbanorder.shared.ProblemException;

/** Signing in and out of the console: a session on the server, named by an HttpOnly cookie. */
@Controller
class SignInController {

    private static final String PATH = "/console";

    private final DeskSessions sessions;

    SignInController(DeskSessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/console/sign-in")
    Mono<Rendering> page(@RequestParam(required = false) @Nullable String signedOut) {
        return Mono.just(Rendering.view("console/sign-in")
                .modelAttribute("signedOut", signedOut != null)
                .build());
    }

    @PostMapping("/console/sign-in")
    Mono<Rendering> signIn(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            String username =
                    Optional.ofNullable(form.getFirst("username")).orElse("").strip();
            String password = Optional.ofNullable(form.getFirst("password")).orElse("");
            if (username.isEmpty() || password.isEmpty()) {
                return Mono.just(refused(username, "console.signIn.missing", HttpStatus.UNPROCESSABLE_ENTITY));
            }
            return sessions.start(username, password, clientAddress(exchange))
                    .map(secret -> {
                        exchange.getResponse().addCookie(cookie(exchange, secret, sessions.maxAge()));
                        return Rendering.redirectTo("/console/")
                                .status(HttpStatus.SEE_OTHER)
                                .build();
                    })
                    .onErrorResume(
                            ProblemException.class,
                            problem -> Mono.just(refused(
                                    username,
                                    problem.getStatusCode().value() == 429
                                            ? "console.signIn.tooMany"
                                            : "console.signIn.wrong",
                                    HttpStatus.valueOf(problem.getStatusCode().value()))));
        });
    }

    /** Ends the session on the server, then forgets the cookie. */
    @PostMapping("/console/sign-out")
    Mono<Rendering> signOut(ServerWebExchange exchange) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(DeskSessions.COOKIE);
        Mono<Void> end = cookie == null ? Mono.empty() : sessions.end(cookie.getValue());
        return end.then(Mono.fromSupplier(() -> {
            exchange.getResponse().addCookie(cookie(exchange, "", java.time.Duration.ZERO));
            return Rendering.redirectTo("/console/sign-in?signedOut=1")
                    .status(HttpStatus.SEE_OTHER)
                    .build();
        }));
    }

    private static Rendering refused(String username, String reason, HttpStatus status) {
        return Rendering.view("console/sign-in")
                .modelAttribute("signedOut", false)
                .modelAttribute("username", username)
                .modelAttribute("reason", reason)
                .status(status)
                .build();
    }

    /** HttpOnly, SameSite=Lax, the console's path only; Secure whenever the page came over HTTPS. */
    private static ResponseCookie cookie(ServerWebExchange exchange, String value, java.time.Duration maxAge) {
        return ResponseCookie.from(DeskSessions.COOKIE, value)
                .httpOnly(true)
                .sameSite("Lax")
                .secure("https".equals(exchange.getRequest().getURI().getScheme()))
                .path(PATH)
                .maxAge(maxAge)
                .build();
    }

    /** The peer's address; behind a proxy, set server.forward-headers-strategy so it is the client's. */
    private static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress address = exchange.getRequest().getRemoteAddress();
        if (address == null) {
            return "unknown";
        }
        return address.getAddress() == null
                ? address.getHostString()
                : address.getAddress().getHostAddress();
    }
}
