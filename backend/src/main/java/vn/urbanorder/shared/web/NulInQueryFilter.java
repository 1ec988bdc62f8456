package vn.urbanorder.shared.web;

import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import vn.urbanorder.shared.InvalidRequestException;

/**
 * Refuses a query parameter holding a NUL character ({@code q=a%00b}) with a 422 naming it:
 * PostgreSQL's text cannot hold one, and no search or filter means one. JSON bodies get the same
 * check from {@link StorableInput}.
 */
@Component
@Order(0) // after security, so a caller without a token hears 401 first
class NulInQueryFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getURI().getRawQuery() == null) {
            return chain.filter(exchange);
        }
        for (Map.Entry<String, List<String>> parameter :
                exchange.getRequest().getQueryParams().entrySet()) {
            if (hasNul(parameter.getKey()) || parameter.getValue().stream().anyMatch(NulInQueryFilter::hasNul)) {
                return Mono.error(InvalidRequestException.of(
                        parameter.getKey().replace('\u0000', '?'), "Không được chứa ký tự NUL (%00)."));
            }
        }
        return chain.filter(exchange);
    }

    private static boolean hasNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }
}
