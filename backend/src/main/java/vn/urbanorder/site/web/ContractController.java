package vn.urbanorder.site.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.ContractApi;

/**
 * Serves the contract as the {@code mobile-api-spec} jar packages it. The file is read once at
 * start-up, so no request reads from a jar on an event loop.
 */
@RestController
class ContractController implements ContractApi {

    /** Where the spec module's jar keeps the document. */
    static final String DOCUMENT = "openapi/openapi.yaml";

    private final byte[] document;

    ContractController() {
        this.document = read(new ClassPathResource(DOCUMENT));
    }

    @Override
    public Mono<ResponseEntity<Resource>> getContract(ServerWebExchange exchange) {
        return Mono.just(ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_YAML)
                .contentLength(document.length)
                .body(new ByteArrayResource(document)));
    }

    private static byte[] read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The contract " + DOCUMENT + " is not on the classpath", e);
        }
    }
}
