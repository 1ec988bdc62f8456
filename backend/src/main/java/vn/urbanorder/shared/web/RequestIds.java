package vn.urbanorder.shared.web;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;
import org.springframework.web.server.ServerWebExchange;

/** Where a request's id travels: its header, the exchange, the Reactor context and the logs' MDC. */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = RequestIds.class.getName();
    static final String CONTEXT_KEY = "requestId";

    /** Idempotent; called once the web layer starts. */
    static void carryIntoLogs() {
        // With spring.reactor.context-propagation=auto, Reactor copies this key from its context
        // into the MDC on whichever thread runs the work, so every log line carries the id.
        ContextRegistry.getInstance()
                .registerThreadLocalAccessor(
                        CONTEXT_KEY,
                        () -> MDC.get(CONTEXT_KEY),
                        id -> MDC.put(CONTEXT_KEY, id),
                        () -> MDC.remove(CONTEXT_KEY));
    }

    private RequestIds() {}

    static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }
}
