package vn.urbanorder.site.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The landing page at the service's root, and the API reference page. Public, like the contract. */
@RestController
class SitePagesController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final Pages pages;

    SitePagesController(Pages pages) {
        this.pages = pages;
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    Mono<ResponseEntity<String>> landing(ServerWebExchange exchange) {
        Pages.Rendered rendered = pages.in(exchange.getRequest().getHeaders().getAcceptLanguage());
        return Mono.just(html(rendered, rendered.landing()));
    }

    @GetMapping(
            path = {"/reference", "/reference/"},
            produces = MediaType.TEXT_HTML_VALUE)
    Mono<ResponseEntity<String>> reference(ServerWebExchange exchange) {
        Pages.Rendered rendered = pages.in(exchange.getRequest().getHeaders().getAcceptLanguage());
        return Mono.just(html(rendered, rendered.reference()));
    }

    private static ResponseEntity<String> html(Pages.Rendered rendered, String page) {
        return ResponseEntity.ok()
                .contentType(HTML)
                .header(HttpHeaders.CONTENT_LANGUAGE, rendered.language().toLanguageTag())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .body(page);
    }
}
