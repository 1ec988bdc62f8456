package vn.urbanorder.console;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The API refused what the console asked on the person's behalf: its status and RFC 9457
 * problem, for the page to show (a 403 page, field errors beside their fields, a conflict).
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final Map<String, Object> problem;

    public ApiProblem(int status, Map<String, Object> problem) {
        super("The API answered " + status + ": " + problem.get("detail"));
        this.status = status;
        this.problem = Map.copyOf(problem);
    }

    public int status() {
        return status;
    }

    public @Nullable String detail() {
        Object detail = problem.get("detail");
        return detail == null ? null : detail.toString();
    }

    /** Field errors as the API names them ({@code field} → message). */
    public Map<String, String> fieldErrors() {
        if (!(problem.get("errors") instanceof List<?> errors)) {
            return Map.of();
        }
        var byField = new java.util.LinkedHashMap<String, String>();
        for (Object error : errors) {
            if (error instanceof Map<?, ?> entry && entry.get("field") != null) {
                byField.merge(
                        String.valueOf(entry.get("field")),
                        String.valueOf(entry.get("message")),
                        (a, b) -> a + " " + b);
            }
        }
        return byField;
    }
}
