package vn.urbanorder.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.AntPathMatcher;

/**
 * Checks every response a test receives against {@code mobile-api-spec/openapi.yaml}, so a test
 * fails as soon as the service and its contract drift apart.
 *
 * <p>A response to an operation the document declares must match that operation exactly: status,
 * headers, media type and body, with no property the document does not declare. A response to a route the document does not declare (an unknown
 * path, a wrong method) must still be an RFC 9457 problem matching the {@code Problem} schema.
 */
public final class ContractValidator {

    private static final String SPEC = "/openapi/openapi.yaml";
    private static final ContractValidator INSTANCE = new ContractValidator();

    private final OpenApiInteractionValidator validator;
    private final OpenAPI api;
    private final SchemaValidator schemas;
    private final AntPathMatcher paths = new AntPathMatcher();

    private ContractValidator() {
        String document = closedObjects(readSpec());
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .build())
                .build();
        var options = new ParseOptions();
        options.setResolve(true);
        this.api = new OpenAPIV3Parser().readContents(document, null, options).getOpenAPI();
        this.schemas = new SchemaValidator(api, new com.atlassian.oai.validator.report.MessageResolver());
    }

    public static ContractValidator instance() {
        return INSTANCE;
    }

    /** Throws an {@link AssertionError} that lists every way the response leaves the contract. */
    public void validate(HttpMethod httpMethod, URI uri, int status, HttpHeaders headers, byte[] body) {
        String path = uri.getRawPath();
        if (!path.startsWith("/api/")) {
            return; // only the service's API is under contract; actuator endpoints follow Spring Boot's own
        }
        Request.Method method = Request.Method.valueOf(httpMethod.name());
        ValidationReport report = declares(path, method)
                ? validator.validateResponse(path, method, toResponse(status, headers, body))
                : problemReport(status, headers, body);
        if (report.hasErrors()) {
            throw new AssertionError("Response to " + method + " " + path + " leaves the contract:\n"
                    + SimpleValidationReportFormat.getInstance().apply(report));
        }
    }

    private boolean declares(String path, Request.Method method) {
        return api.getPaths().entrySet().stream()
                .filter(entry -> paths.match(entry.getKey().replaceAll("\\{[^/]+}", "*"), path))
                .map(entry -> entry.getValue().readOperationsMap())
                .anyMatch(operations -> operations.containsKey(PathItem.HttpMethod.valueOf(method.name())));
    }

    private ValidationReport problemReport(int status, HttpHeaders headers, byte[] body) {
        MediaType type = headers.getContentType();
        if (type == null || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(type)) {
            return ValidationReport.singleton(ValidationReport.Message.create(
                            "contract.undeclared.notProblem",
                            "A route the contract does not declare answered " + status + " with " + type
                                    + " instead of application/problem+json")
                    .build());
        }
        return schemas.validate(
                new String(body, StandardCharsets.UTF_8),
                api.getComponents().getSchemas().get("Problem"),
                "response.body");
    }

    /**
     * Forbids properties the document does not declare, on every object schema that does not say
     * otherwise, so that a field the service adds without the contract fails a test too.
     */
    private static String closedObjects(String document) {
        OpenAPI parsed = new OpenAPIV3Parser().readContents(document).getOpenAPI();
        parsed.getComponents().getSchemas().values().forEach(ContractValidator::close);
        return Yaml.pretty(parsed);
    }

    private static void close(Schema<?> schema) {
        if (schema == null || schema.get$ref() != null) {
            return;
        }
        if ("object".equals(schema.getType()) && schema.getAdditionalProperties() == null) {
            schema.setAdditionalProperties(false);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(ContractValidator::close);
        }
        close(schema.getItems());
    }

    private static SimpleResponse toResponse(int status, HttpHeaders headers, byte[] body) {
        var response = SimpleResponse.Builder.status(status);
        headers.forEach(response::withHeader);
        if (body.length > 0) {
            response.withBody(new String(body, StandardCharsets.UTF_8));
        }
        return response.build();
    }

    private static String readSpec() {
        try (InputStream in = ContractValidator.class.getResourceAsStream(SPEC)) {
            if (in == null) {
                throw new IllegalStateException(SPEC + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
