package vn.urbanorder.shared;

import java.util.List;

/**
 * The request's content breaks a rule the service checks itself; answered as a 422 problem that
 * lists every offending field, so that a client can show them all at once.
 */
public class InvalidRequestException extends RuntimeException {

    private final transient List<FieldProblem> fieldErrors;

    public InvalidRequestException(List<FieldProblem> fieldErrors) {
        super("Invalid request: " + fieldErrors);
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static InvalidRequestException of(String field, String message) {
        return new InvalidRequestException(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> fieldErrors() {
        return fieldErrors;
    }

    /** One offending field: its path in the request, and what is wrong with it, in Vietnamese. */
    public record FieldProblem(String field, String message) {}
}
