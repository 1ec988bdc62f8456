package vn.urbanorder.shared.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import vn.urbanorder.shared.RandomIds;

/**
 * Gives every request an id, taken from {@code X-Request-Id} when the caller sent a sane one,
 * returns it, puts it in the Reactor context and logs one line with it when the request ends:
 * its status, or {@code aborted} when the client left before the answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger("vn.urbanorder.access");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = requestIdOf(exchange);
        exchange.getAttributes().put(RequestIds.ATTRIBUTE, requestId);
        exchange.getResponse().getHeaders().set(RequestIds.HEADER, requestId);
        long started = System.nanoTime();
        return chain.filter(exchange)
                .doOnError(ClientsThatLeft::isGone, gone -> ClientsThatLeft.remember(exchange))
                .doFinally(signal -> logAccess(
                        exchange, requestId, started, signal == SignalType.CANCEL || ClientsThatLeft.left(exchange)))
                .contextWrite(context -> context.put(RequestIds.CONTEXT_KEY, requestId));
    }

    private static String requestIdOf(ServerWebExchange exchange) {
        String sent = exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER);
        return RequestIds.accepted(sent) ? sent : RandomIds.uuid().toString();
    }

    /** An aborted request, whose client left before the answer, gets no status: none was sent. */
    private static void logAccess(ServerWebExchange exchange, String requestId, long started, boolean aborted) {
        if (!log.isInfoEnabled()) {
            return;
        }
        var request = exchange.getRequest();
        var status = exchange.getResponse().getStatusCode();
        long millis = (System.nanoTime() - started) / 1_000_000;
        try (var inLogs = RequestIds.inLogs(requestId)) {
            log.info(
                    "{} {} {} {}ms requestId={}",
                    request.getMethod(),
                    request.getPath().value(),
                    aborted ? "aborted" : status == null ? "-" : status.value(),
                    millis,
                    requestId);
        }
    }
}
