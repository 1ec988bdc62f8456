package vn.urbanorder.shared.web;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.lang.Contract;
import org.springframework.web.server.ServerWebExchange;

/** Where a request's id travels: its header, the exchange, the Reactor context and the logs' MDC. */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = RequestIds.class.getName();
    static final String CONTEXT_KEY = "requestId";

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** Whether a caller's {@code X-Request-Id} is sane enough to use as the request's id. */
    @Contract("null -> false")
    static boolean accepted(@Nullable String sent) {
        return sent != null && ACCEPTED.matcher(sent).matches();
    }

    /**
     * Puts the id in the MDC for the log lines written inside the returned scope. The service
     * logs with the id explicitly rather than through Reactor's automatic context propagation,
     * which restores every thread-local at every operator and cost a fifth of the CPU of a
     * report submission.
     */
    static MDC.MDCCloseable inLogs(@Nullable String requestId) {
        return MDC.putCloseable(CONTEXT_KEY, requestId == null ? "" : requestId);
    }

    private RequestIds() {}

    static @Nullable String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }
}
