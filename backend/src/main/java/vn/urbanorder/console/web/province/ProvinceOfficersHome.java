package vn.urbanorder.console.web.province;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import vn.urbanorder.identity.Caller;

/**
 * A province officer has no ward, so every ward page would only meet the API's 403: the console
 * sends them to their own home instead, from its front page and from any ward page. What is
 * theirs stays open to them: the province's pages, the people pages (which list the province's
 * own officers for them), their account, signing out, and the console's files. Runs after the
 * console's security (which knows the person); ward users and anyone not signed in pass through.
 */
@Component
class ProvinceOfficersHome implements WebFilter, Ordered {

    static final String HOME = "/console/province";

    private static final ServerWebExchangeMatcher THEIRS = ServerWebExchangeMatchers.pathMatchers(
            HOME,
            HOME + "/**",
            "/console/people",
            "/console/people/**",
            "/console/account",
            "/console/account/**",
            "/console/sign-in",
            "/console/sign-out",
            "/console/*.css",
            "/console/*.js");

    @Override
    public int getOrder() {
        // After Spring Security's chain (-100), which sets who is signed in.
        return 0;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.equals("/console") && !path.startsWith("/console/")) {
            return chain.filter(exchange);
        }
        return THEIRS.matches(exchange)
                .flatMap(theirs -> theirs.isMatch()
                        ? chain.filter(exchange)
                        : Caller.current()
                                .map(Caller::ofProvince)
                                .onErrorReturn(false)
                                .flatMap(provinceOfficer ->
                                        provinceOfficer ? sendHome(exchange) : chain.filter(exchange)));
    }

    /** A page goes home with a 303; a partial update (htmx) is told to load the home page whole. */
    private static Mono<Void> sendHome(ServerWebExchange exchange) {
        return Mono.fromRunnable(() -> {
            var response = exchange.getResponse();
            if ("true".equals(exchange.getRequest().getHeaders().getFirst("HX-Request"))) {
                response.setStatusCode(HttpStatus.OK);
                response.getHeaders().set("HX-Redirect", HOME);
            } else {
                response.setStatusCode(HttpStatus.SEE_OTHER);
                response.getHeaders().setLocation(URI.create(HOME));
            }
        });
    }
}
