package vn.urbanorder.shared.web;

import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Deletes the spooled parts of a request whose client left. Spring deletes them when a request is
 * answered or fails, but a client that leaves cancels the request and that step with it, while
 * the exchange goes on reading the form (it keeps the form for whoever asks next); so the parts
 * are deleted once that reading ends. A form cut off mid-way the codec cleans up itself.
 */
@Component
class MultipartCleanup implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return chain.filter(exchange).doFinally(signal -> {
            if (signal == SignalType.CANCEL) {
                exchange.getMultipartData()
                        .onErrorComplete()
                        .flatMapIterable(MultiValueMap::values)
                        .flatMapIterable(parts -> parts)
                        .flatMap(part -> part.delete().onErrorComplete())
                        .subscribe();
            }
        });
    }
}
