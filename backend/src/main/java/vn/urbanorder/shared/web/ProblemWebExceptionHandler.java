package vn.urbanorder.shared.web;

import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.server.handler.ExceptionHandlingWebHandler;
import reactor.core.publisher.Mono;

/**
 * Answers every failure, wherever in the chain it happened, with an RFC 9457 problem. It runs
 * before Spring Boot's own error handler, which would otherwise answer in its own JSON shape.
 */
@Component
@Order(-2)
class ProblemWebExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    private final ProblemCatalog catalog;
    private final ServerResponse.Context responseContext;

    ProblemWebExceptionHandler(ProblemCatalog catalog, ServerCodecConfigurer codecs) {
        this.catalog = catalog;
        this.responseContext = new WritersOnly(codecs.getWriters());
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable thrown) {
        if (ClientsThatLeft.isGone(thrown)) {
            return clientLeft(exchange, thrown);
        }
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(thrown);
        }
        Throwable failure = catalog.translate(thrown, exchange);
        ProblemDetail problem = catalog.describe(failure, exchange);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        problem.setProperty("requestId", RequestIds.of(exchange));
        forgetSuccessHeaders(exchange);
        HttpHeaders extraHeaders =
                failure instanceof ErrorResponse response ? response.getHeaders() : HttpHeaders.EMPTY;
        return ServerResponse.status(problem.getStatus())
                .headers(headers -> headers.addAll(extraHeaders))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem)
                .flatMap(response -> response.writeTo(exchange, responseContext));
    }

    /**
     * Nobody is left to answer: the request's access line says so, and its metrics count neither
     * the exception nor a status.
     */
    private static Mono<Void> clientLeft(ServerWebExchange exchange, Throwable failure) {
        ClientsThatLeft.remember(exchange);
        exchange.getAttributes().remove(ExceptionHandlingWebHandler.HANDLED_WEB_EXCEPTION);
        ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .ifPresent(observed -> observed.setConnectionAborted(true));
        if (log.isDebugEnabled()) {
            try (var inLogs = RequestIds.inLogs(RequestIds.of(exchange))) {
                log.debug(
                        "{} {}: the client left before the answer ({})",
                        exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath(),
                        failure.toString());
            }
        }
        return Mono.empty();
    }

    /** Headers set for a success (a cache lifetime, say) must not travel with the problem. */
    private static void forgetSuccessHeaders(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        String requestId = headers.getFirst(RequestIds.HEADER);
        headers.clear();
        if (requestId != null) {
            headers.set(RequestIds.HEADER, requestId);
        }
        headers.setCacheControl(CacheControl.noStore());
        if (mayBeUnread(exchange.getRequest().getHeaders())) {
            // A request refused before its body was read (a 401 or 403 before the handler, a 413
            // part-way) would leave the rest of the body on a kept-alive connection, and the
            // client's next request behind it. Closing the connection makes the client start clean.
            headers.setConnection("close");
        }
    }

    private static boolean mayBeUnread(HttpHeaders request) {
        return request.getContentLength() > 0 || request.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }

    private record WritersOnly(List<HttpMessageWriter<?>> messageWriters) implements ServerResponse.Context {

        @Override
        public List<ViewResolver> viewResolvers() {
            return List.of();
        }
    }
}
