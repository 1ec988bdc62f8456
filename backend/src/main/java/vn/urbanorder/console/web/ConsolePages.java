package vn.urbanorder.console.web;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.urbanorder.console.ApiProblem;
import vn.urbanorder.identity.Caller;

/**
 * What every console page has: the CSRF token its forms and partial updates send back, the
 * signed-in person, and pages for what the API refused (403, 404) instead of an error dump.
 */
@ControllerAdvice(basePackages = "vn.urbanorder.console.web")
class ConsolePages {

    /** Resolved before the page renders, so the token's cookie is set with the page. */
    @ModelAttribute("csrf")
    Mono<CsrfToken> csrf(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token;
    }

    private final ConsoleFormat format;

    ConsolePages(ConsoleFormat format) {
        this.format = format;
    }

    @ModelAttribute("fmt")
    ConsoleFormat format() {
        return format;
    }

    @ModelAttribute("me")
    Mono<Caller> me() {
        return Caller.current().onErrorResume(notSignedIn -> Mono.empty());
    }

    @ExceptionHandler(ApiProblem.class)
    Mono<Rendering> refused(ApiProblem problem) {
        int status = problem.status();
        if (status == 401) {
            return Mono.just(Rendering.redirectTo("/console/sign-in").build());
        }
        String kind = status == 403 ? "forbidden" : status == 404 ? "notFound" : "failed";
        return Mono.just(Rendering.view("console/error")
                .modelAttribute("kind", kind)
                .modelAttribute("detail", problem.detail() == null ? "" : problem.detail())
                .status(org.springframework.http.HttpStatus.valueOf(status))
                .build());
    }
}
