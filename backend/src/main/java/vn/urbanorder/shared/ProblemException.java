package vn.urbanorder.shared;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A failure a feature answers with a problem of its own making: the status, a detail written for
 * people in Vietnamese, and any headers the status needs. Unlike framework exceptions, its detail
 * is shown to the client as it is.
 */
public class ProblemException extends ErrorResponseException {

    private ProblemException(HttpStatus status, String detail) {
        super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    /** 400: a request malformed beyond what any route reads. */
    public static ProblemException badRequest(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, detail);
    }

    /** 404: also for another ward's objects, so that their existence does not leak. */
    public static ProblemException notFound(String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, detail);
    }

    public static ProblemException unauthorized(String detail) {
        var problem = new ProblemException(HttpStatus.UNAUTHORIZED, detail);
        problem.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return problem;
    }

    /** 412: the {@code If-Match} the client sent is not the object's version any more. */
    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(HttpStatus.PRECONDITION_FAILED, detail);
    }

    /** 428: a change that must say which version it changes did not. */
    public static ProblemException preconditionRequired(String detail) {
        return new ProblemException(HttpStatus.PRECONDITION_REQUIRED, detail);
    }

    /** The problem as one of our own types ({@link ProblemTypes}), with its Vietnamese title. */
    public ProblemException ofType(java.net.URI type, String title) {
        getBody().setType(type);
        getBody().setTitle(title);
        return this;
    }

    /** The problem with one more member, e.g. the actions allowed instead. */
    public ProblemException with(String name, Object value) {
        getBody().setProperty(name, value);
        return this;
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, detail);
    }

    public static ProblemException payloadTooLarge(String detail) {
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, detail);
    }

    public static ProblemException unsupportedMediaType(String detail) {
        return new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, detail);
    }

    /** 408: the request's body came too slowly, and the service stopped waiting for it. */
    public static ProblemException requestTimeout(String detail) {
        return new ProblemException(HttpStatus.REQUEST_TIMEOUT, detail);
    }

    /** The service is saturated for this kind of request; the client should retry later. */
    public static ProblemException serviceUnavailable(String detail, Duration retryAfter) {
        var problem = new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        return problem;
    }

    public static ProblemException tooManyRequests(String detail, Duration retryAfter) {
        var problem = new ProblemException(HttpStatus.TOO_MANY_REQUESTS, detail);
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return problem;
    }
}
