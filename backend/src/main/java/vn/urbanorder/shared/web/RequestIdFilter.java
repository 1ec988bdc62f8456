package vn.urbanorder.shared.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an id, taken from {@code X-Request-Id} when the caller sent a sane one,
 * returns it, puts it in the logging context and logs one line when the request ends.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger("vn.urbanorder.access");
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    RequestIdFilter() {
        RequestIds.carryIntoLogs();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = requestIdOf(exchange);
        exchange.getAttributes().put(RequestIds.ATTRIBUTE, requestId);
        exchange.getResponse().getHeaders().set(RequestIds.HEADER, requestId);
        long started = System.nanoTime();
        return chain.filter(exchange)
                .doFinally(signal -> logAccess(exchange, requestId, started))
                .contextWrite(context -> context.put(RequestIds.CONTEXT_KEY, requestId));
    }

    private static String requestIdOf(ServerWebExchange exchange) {
        String sent = exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER);
        return sent != null && ACCEPTED.matcher(sent).matches() ? sent : newRequestId();
    }

    /**
     * A random (version 4) UUID from a fast non-cryptographic source: request ids need to be
     * unique, not secret, and {@link UUID#randomUUID()} may block reading the system's entropy.
     */
    private static String newRequestId() {
        var random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }

    private static void logAccess(ServerWebExchange exchange, String requestId, long started) {
        if (!log.isInfoEnabled()) {
            return;
        }
        var request = exchange.getRequest();
        var status = exchange.getResponse().getStatusCode();
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info(
                "{} {} {} {}ms requestId={}",
                request.getMethod(),
                request.getPath().value(),
                status == null ? "-" : status.value(),
                millis,
                requestId);
    }
}
