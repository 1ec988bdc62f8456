package vn.urbanorder.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** The contract check must catch drift, or the tests that rely on it prove nothing. */
class ContractValidatorTests {

    private static final URI CATEGORIES = URI.create("http://localhost/api/v1/categories");
    private static final String CATEGORY =
            "{\"code\":\"SANITATION\",\"name\":\"Vệ sinh môi trường\",\"defaultDeadlineHours\":24,\"subtypes\":[%s]}";

    private final ContractValidator contract = ContractValidator.instance();

    @Test
    void acceptsAResponseTheContractDescribes() {
        assertThatCode(() -> validate(HttpMethod.GET, CATEGORIES, 200, MediaType.APPLICATION_JSON, list("")))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsAFieldTheContractDoesNotDeclare() {
        String body = list("{\"code\":\"OTHER\",\"name\":\"Khác\",\"secret\":1}");

        assertThatThrownBy(() -> validate(HttpMethod.GET, CATEGORIES, 200, MediaType.APPLICATION_JSON, body))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("secret");
    }

    @Test
    void rejectsAMissingRequiredField() {
        assertThatThrownBy(() ->
                        validate(HttpMethod.GET, CATEGORIES, 200, MediaType.APPLICATION_JSON, "[{\"code\":\"X\"}]"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void rejectsAStatusTheOperationDoesNotDeclare() {
        String problem = "{\"title\":\"Conflict\",\"status\":409}";

        assertThatThrownBy(() -> validate(HttpMethod.GET, CATEGORIES, 409, MediaType.APPLICATION_PROBLEM_JSON, problem))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void requiresUndeclaredRoutesToAnswerWithAProblem() {
        URI unknown = URI.create("http://localhost/api/v1/nowhere");

        assertThatThrownBy(() -> validate(HttpMethod.GET, unknown, 404, MediaType.TEXT_HTML, "<h1>Not found</h1>"))
                .isInstanceOf(AssertionError.class);
        assertThatCode(() -> validate(
                        HttpMethod.GET,
                        unknown,
                        404,
                        MediaType.APPLICATION_PROBLEM_JSON,
                        "{\"title\":\"Not Found\",\"status\":404,\"requestId\":\"r1\"}"))
                .doesNotThrowAnyException();
    }

    private static String list(String subtypes) {
        return "[" + CATEGORY.formatted(subtypes) + "]";
    }

    private void validate(HttpMethod method, URI uri, int status, MediaType type, String body) {
        var headers = new HttpHeaders();
        headers.setContentType(type);
        contract.validate(method, uri, status, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
