package vn.urbanorder.shared.web;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.urbanorder.shared.ProblemException;

/**
 * Cuts off a request body that pauses longer than the read timeout, or takes longer than the body
 * timeout in all, with 408: a phone on a dead link, or a client trickling on purpose, holds its
 * connection only that long. It wraps the request below the exchange, since the exchange reads
 * multipart forms from the request it was made with, whatever a filter puts in its place.
 */
@Component
class BodyTimeouts implements HttpHandlerDecoratorFactory {

    private final long readTimeoutNanos;
    private final long bodyTimeoutNanos;

    BodyTimeouts(HttpProperties properties) {
        this.readTimeoutNanos = properties.bodyReadTimeout().toNanos();
        this.bodyTimeoutNanos = properties.bodyTimeout().toNanos();
    }

    @Override
    public HttpHandler apply(HttpHandler handler) {
        return (request, response) -> handler.handle(
                mayHaveBody(request.getHeaders()) ? new Timed(request, System.nanoTime() + bodyTimeoutNanos) : request,
                response);
    }

    static boolean mayHaveBody(HttpHeaders headers) {
        return headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }

    private final class Timed extends ServerHttpRequestDecorator {

        private final long deadline;

        Timed(ServerHttpRequest request, long deadline) {
            super(request);
            this.deadline = deadline;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return super.getBody()
                    .timeout(nextTimeout(), buffer -> nextTimeout())
                    .onErrorMap(
                            TimeoutException.class,
                            slow -> ProblemException.requestTimeout(
                                    "Nội dung gửi lên đến quá chậm nên đã bị ngắt. Hãy gửi lại khi mạng ổn định hơn."));
        }

        /** The next buffer must come within the read timeout, and before the deadline. */
        private Mono<Long> nextTimeout() {
            long left = Math.max(0, deadline - System.nanoTime());
            return Mono.delay(Duration.ofNanos(Math.min(readTimeoutNanos, left)));
        }
    }
}
