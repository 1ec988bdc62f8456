package vn.urbanorder.shared.web;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import tools.jackson.core.JacksonException;
import vn.urbanorder.shared.InvalidRequestException;
import vn.urbanorder.shared.ProblemException;
import vn.urbanorder.shared.ProblemTypes;

/**
 * Turns a failure into the problem a client sees. Details are written for people, in
 * Vietnamese, and never carry exception messages, class names, stack traces or SQL.
 */
@Component
class ProblemCatalog {

    private static final Logger log = LoggerFactory.getLogger(ProblemCatalog.class);

    /** How long a client waits before retrying while the database is away (a restart takes seconds). */
    static final Duration DATABASE_RETRY = Duration.ofSeconds(5);

    /**
     * The failure as it is answered: a database that cannot be reached becomes a 503 with
     * {@code Retry-After}, whatever layer noticed it, since the request did nothing and a retry is safe.
     */
    Throwable translate(Throwable failure, ServerWebExchange exchange) {
        if (!(failure instanceof ProblemException) && DatabaseFailures.unavailable(failure)) {
            try (var inLogs = RequestIds.inLogs(RequestIds.of(exchange))) {
                log.warn(
                        "Request {} {} found the database unavailable: {}",
                        exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath(),
                        failure.toString());
            }
            return ProblemException.serviceUnavailable(
                    "Hệ thống tạm thời không kết nối được cơ sở dữ liệu; yêu cầu chưa được thực hiện."
                            + " Hãy thử lại sau ít giây.",
                    DATABASE_RETRY);
        }
        return failure;
    }

    ProblemDetail describe(Throwable failure, ServerWebExchange exchange) {
        if (failure instanceof InvalidRequestException invalid) {
            return invalidFields(invalid.fieldErrors());
        }
        if (failure instanceof HandlerMethodValidationException invalidParameters) {
            return invalidFields(invalidParameters.getParameterValidationResults().stream()
                    .flatMap(result -> result.getResolvableErrors().stream()
                            .map(error -> new InvalidRequestException.FieldProblem(
                                    Objects.requireNonNull(
                                            result.getMethodParameter().getParameterName(),
                                            "compiled with -parameters"),
                                    String.valueOf(error.getDefaultMessage()))))
                    .toList());
        }
        if (failure instanceof ConstraintViolationException violations) {
            return invalidFields(violations.getConstraintViolations().stream()
                    .map(violation -> new InvalidRequestException.FieldProblem(
                            lastNode(violation.getPropertyPath()), violation.getMessage()))
                    .toList());
        }
        if (failure instanceof ProblemException own) {
            return own.getBody();
        }
        if (failure instanceof DataBufferLimitException || failure.getCause() instanceof DataBufferLimitException) {
            return ProblemDetail.forStatusAndDetail(
                    HttpStatus.CONTENT_TOO_LARGE, "Nội dung gửi lên vượt quá giới hạn.");
        }
        if (failure instanceof DecodingException) {
            // A body the codecs could not take apart: a broken multipart form, or one with more
            // parts or larger part headers than the limits allow.
            return ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, "Nội dung gửi lên không đọc được hoặc có quá nhiều phần.");
        }
        StorableInput.Refused refused = refusedJsonValue(failure);
        if (refused != null) {
            return invalidFields(List.of(new InvalidRequestException.FieldProblem(refused.field(), refused.reason())));
        }
        if (DatabaseFailures.refusedValue(failure)) {
            // A last guard: fields are checked before they reach the database, so this means a check is missing.
            log.warn(
                    "Request {} {} sent a value the database refused: {}",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(),
                    failure.toString());
            return invalidFields(List.of());
        }
        if (failure instanceof WebExchangeBindException binding) {
            return invalidFields(fieldErrorsOf(binding));
        }
        if (failure instanceof ErrorResponse response
                && response.getStatusCode().is4xxClientError()) {
            return clientError(failure, response.getStatusCode(), exchange);
        }
        try (var inLogs = RequestIds.inLogs(RequestIds.of(exchange))) {
            log.error(
                    "Request {} {} failed",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(),
                    failure);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Hệ thống gặp lỗi và chưa xử lý được yêu cầu. Hãy thử lại sau; nếu lỗi còn lặp lại,"
                        + " hãy báo mã yêu cầu (requestId) cho quản trị viên.");
        return problem;
    }

    private static StorableInput.@Nullable Refused refusedJsonValue(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 8; depth++, cause = cause.getCause()) {
            if (cause instanceof StorableInput.Refused refused) {
                return refused;
            }
        }
        return null;
    }

    private static ProblemDetail clientError(Throwable failure, HttpStatusCode status, ServerWebExchange exchange) {
        return ProblemDetail.forStatusAndDetail(status, clientErrorDetail(failure, status, exchange));
    }

    private static String clientErrorDetail(Throwable failure, HttpStatusCode status, ServerWebExchange exchange) {
        if (failure instanceof MethodNotAllowedException) {
            return "Địa chỉ này không nhận phương thức " + exchange.getRequest().getMethod() + ".";
        }
        if (failure instanceof UnsupportedMediaTypeStatusException unsupported) {
            return "Không hỗ trợ kiểu nội dung "
                    + (unsupported.getContentType() == null
                            ? "(không khai báo)"
                            : unsupported.getContentType().toString())
                    + ".";
        }
        if (failure instanceof MissingRequestValueException missing) {
            return "Thiếu " + missing.getLabel() + " '" + missing.getName() + "'.";
        }
        if (failure instanceof ServerWebInputException && failure.getCause() instanceof DecodingException decoding) {
            return unreadableBody(decoding);
        }
        if (failure instanceof ServerWebInputException input && input.getMethodParameter() != null) {
            return "Tham số '" + input.getMethodParameter().getParameterName() + "' không hợp lệ.";
        }
        return switch (status.value()) {
            case 400 -> "Yêu cầu không hợp lệ.";
            case 401 -> "Cần đăng nhập để dùng chức năng này.";
            case 403 -> "Vai trò của bạn không được phép làm việc này.";
            case 404 -> "Không có tài nguyên nào ở địa chỉ này.";
            case 406 -> "Không thể trả về kiểu nội dung mà yêu cầu đòi hỏi (Accept).";
            case 413 -> "Nội dung yêu cầu quá lớn.";
            default -> "Yêu cầu không được chấp nhận.";
        };
    }

    private static String unreadableBody(DecodingException decoding) {
        if (decoding.getCause() instanceof JacksonException json && json.getLocation() != null) {
            return "Nội dung JSON không đọc được (dòng " + json.getLocation().getLineNr() + ", cột "
                    + json.getLocation().getColumnNr() + ").";
        }
        return "Nội dung yêu cầu không đọc được.";
    }

    private static ProblemDetail invalidFields(List<InvalidRequestException.FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT, "Yêu cầu có trường không hợp lệ; xem danh sách errors.");
        problem.setType(ProblemTypes.VALIDATION);
        problem.setTitle("Dữ liệu không hợp lệ");
        problem.setProperty(
                "errors",
                errors.stream()
                        .sorted(Comparator.comparing(InvalidRequestException.FieldProblem::field))
                        .map(error -> Map.of("field", error.field(), "message", error.message()))
                        .toList());
        return problem;
    }

    private static List<InvalidRequestException.FieldProblem> fieldErrorsOf(WebExchangeBindException binding) {
        return binding.getFieldErrors().stream()
                .map(error -> new InvalidRequestException.FieldProblem(error.getField(), messageOf(error)))
                .toList();
    }

    /** A value that could not even be converted gets our words, not the converter's class names. */
    private static String messageOf(FieldError error) {
        return error.isBindingFailure() ? "Giá trị không đúng kiểu." : String.valueOf(error.getDefaultMessage());
    }

    private static String lastNode(Path path) {
        String name = "";
        for (Path.Node node : path) {
            name = node.getName();
        }
        return name;
    }
}
