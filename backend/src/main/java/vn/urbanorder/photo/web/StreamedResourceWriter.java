package vn.urbanorder.photo.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import reactor.core.publisher.Mono;

/**
 * Writes a {@link StreamedResource}: its length as {@code Content-Length}, then its buffers as
 * they come. Registered as a custom codec, which the server asks before its own writers, so the
 * usual resource writer never sees one. No ranges: photos are fetched whole.
 */
final class StreamedResourceWriter implements HttpMessageWriter<StreamedResource> {

    @Override
    public List<MediaType> getWritableMediaTypes() {
        return List.of(MediaType.ALL);
    }

    @Override
    public boolean canWrite(ResolvableType elementType, @Nullable MediaType mediaType) {
        return StreamedResource.class.isAssignableFrom(elementType.toClass());
    }

    @Override
    public Mono<Void> write(
            Publisher<? extends StreamedResource> input,
            ResolvableType elementType,
            @Nullable MediaType mediaType,
            ReactiveHttpOutputMessage message,
            Map<String, Object> hints) {
        return Mono.from(input).flatMap(resource -> {
            var headers = message.getHeaders();
            if (headers.getContentType() == null && mediaType != null && mediaType.isConcrete()) {
                headers.setContentType(mediaType);
            }
            headers.setContentLength(resource.contentLength());
            return message.writeWith(resource.content());
        });
    }

    /** Puts the writer among the server's codecs. */
    @Configuration(proxyBeanMethods = false)
    static class Registration implements WebFluxConfigurer {

        @Override
        public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
            configurer.customCodecs().register(new StreamedResourceWriter());
        }
    }
}
