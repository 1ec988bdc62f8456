package vn.urbanorder.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.tags.Tag;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lints the OpenAPI document: it must parse without a single message, and it must follow the
 * house rules that make it usable as the one contract for every client.
 */
class SpecLintTests {

    private static final Path SPEC = Path.of("openapi.yaml");
    private static final String PROBLEM = "application/problem+json";

    private static SwaggerParseResult parsed;
    private static OpenAPI api;

    @BeforeAll
    static void parse() {
        var options = new ParseOptions();
        options.setResolve(true);
        parsed =
                new OpenAPIV3Parser().readLocation(SPEC.toAbsolutePath().toUri().toString(), null, options);
        api = parsed.getOpenAPI();
    }

    @Test
    void parsesWithoutErrorsOrWarnings() {
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(api).isNotNull();
    }

    @Test
    void everyPathIsVersioned() {
        assertThat(api.getPaths().keySet()).allMatch(path -> path.startsWith("/api/v1/"));
    }

    @Test
    void everyOperationIsNamedTaggedAndSummarised() {
        Set<String> declaredTags = api.getTags().stream().map(Tag::getName).collect(Collectors.toSet());
        List<String> faults = new ArrayList<>();
        forEachOperation((where, operation) -> {
            if (blank(operation.getOperationId())) faults.add(where + ": no operationId");
            if (blank(operation.getSummary())) faults.add(where + ": no summary");
            if (operation.getTags() == null || operation.getTags().isEmpty()) faults.add(where + ": no tag");
            else if (!declaredTags.containsAll(operation.getTags())) faults.add(where + ": undeclared tag");
        });
        assertThat(faults).isEmpty();
    }

    /**
     * Generators make one method per operation and keep only the first media type of its body
     * (openapi-generator's Python client lost every photo that way), so a body of another type
     * gets an operation of its own.
     */
    @Test
    void everyRequestBodyHasOneMediaType() {
        List<String> faults = new ArrayList<>();
        forEachOperation((where, operation) -> {
            var body = operation.getRequestBody();
            if (body != null && body.getContent() != null && body.getContent().size() != 1) {
                faults.add(where + ": " + body.getContent().keySet());
            }
        });
        assertThat(faults).isEmpty();
    }

    @Test
    void everyErrorResponseIsAProblem() {
        List<String> faults = new ArrayList<>();
        forEachOperation((where, operation) -> operation.getResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                if (!isProblem(response)) faults.add(where + " " + status + ": not " + PROBLEM);
            }
        }));
        assertThat(faults).isEmpty();
    }

    @Test
    void everyOperationDeclaresItsInternalError() {
        List<String> faults = new ArrayList<>();
        forEachOperation((where, operation) -> {
            if (!operation.getResponses().containsKey("500")) faults.add(where + ": no 500 response");
        });
        assertThat(faults).isEmpty();
    }

    @Test
    void everySecuredOperationDeclaresUnauthorized() {
        List<String> faults = new ArrayList<>();
        forEachOperation((where, operation) -> {
            boolean open =
                    operation.getSecurity() != null && operation.getSecurity().isEmpty();
            if (!open && !operation.getResponses().containsKey("401")) faults.add(where + ": no 401 response");
        });
        assertThat(faults).isEmpty();
    }

    @Test
    void everySchemaAndPropertyIsDescribed() {
        List<String> faults = new ArrayList<>();
        api.getComponents().getSchemas().forEach((name, schema) -> {
            if (blank(schema.getDescription())) faults.add(name + ": no description");
            Map<String, Schema> properties = schema.getProperties();
            if (properties == null) return;
            properties.forEach((property, definition) -> {
                boolean described = !blank(definition.get$ref())
                        || !blank(definition.getDescription())
                        || (definition.getItems() != null
                                && !blank(definition.getItems().get$ref()));
                if (!described) faults.add(name + "." + property + ": no description");
            });
        });
        assertThat(faults).isEmpty();
    }

    private static boolean isProblem(ApiResponse declared) {
        ApiResponse response = declared.get$ref() == null
                ? declared
                : api.getComponents().getResponses().get(declared.get$ref().replace("#/components/responses/", ""));
        return response != null
                && response.getContent() != null
                && response.getContent().size() == 1
                && response.getContent().containsKey(PROBLEM);
    }

    private static void forEachOperation(java.util.function.BiConsumer<String, Operation> action) {
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> action.accept(method + " " + path, operation)));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
