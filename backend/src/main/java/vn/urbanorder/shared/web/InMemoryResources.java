package vn.urbanorder.shared.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.web.reactive.resource.ResourceResolver;
import org.springframework.web.reactive.resource.ResourceResolverChain;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Finds a static file and reads it whole on the bounded elastic scheduler, since finding and
 * reading a file inside a jar blocks. The resource chain's cache, which comes before this
 * resolver, then keeps the copy, so each file is read once per instance: a few megabytes for the
 * files the pages use.
 */
final class InMemoryResources implements ResourceResolver {

    @Override
    public Mono<Resource> resolveResource(
            @Nullable ServerWebExchange exchange,
            String requestPath,
            List<? extends Resource> locations,
            ResourceResolverChain chain) {
        return Mono.defer(() -> chain.resolveResource(exchange, requestPath, locations))
                .map(InMemoryResources::copy)
                .subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<String> resolveUrlPath(
            String resourcePath, List<? extends Resource> locations, ResourceResolverChain chain) {
        return Mono.defer(() -> chain.resolveUrlPath(resourcePath, locations)).subscribeOn(Schedulers.boundedElastic());
    }

    private static Resource copy(Resource found) {
        try (InputStream in = found.getInputStream()) {
            return new Copy(in.readAllBytes(), found.getFilename(), found.lastModified(), found.getDescription());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes with what the handler asks of a file: its name (for the media type) and age. */
    private static final class Copy extends ByteArrayResource {

        private final @Nullable String filename;
        private final long lastModified;

        Copy(byte[] bytes, @Nullable String filename, long lastModified, String description) {
            super(bytes, description);
            this.filename = filename;
            this.lastModified = lastModified;
        }

        @Override
        public @Nullable String getFilename() {
            return filename;
        }

        @Override
        public long lastModified() {
            return lastModified;
        }
    }
}
