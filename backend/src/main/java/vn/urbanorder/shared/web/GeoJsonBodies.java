package vn.urbanorder.shared.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.Hints;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.MimeType;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;
import tools.jackson.databind.json.JsonMapper;

/**
 * GeoJSON uploads ({@code application/geo+json}) may be up to 5 MB, a ward's whole map; every
 * other JSON body keeps the codecs' 256 KB limit, so no other endpoint buffers large bodies. A
 * province's ward boundaries ({@link #PROVINCE_FILES}: 126 to 168 wards, several MB) may be up to
 * 20 MB, as GeoJSON or as plain JSON. The server's default JSON decoder is narrowed to {@code
 * application/json}, because it would otherwise claim every {@code +json} type with its smaller
 * limit before this one is asked. Server side only: HTTP clients built by Spring keep their usual
 * codecs.
 */
@Configuration(proxyBeanMethods = false)
class GeoJsonBodies implements WebFluxConfigurer {

    static final MediaType GEO_JSON = new MediaType("application", "geo+json");
    static final int MAX_BYTES = 5 * 1024 * 1024;

    /** The paths that take a province's ward boundaries, and how large those may be. */
    static final Set<String> PROVINCE_FILES = Set.of("/api/v1/wards/import", "/api/v1/wards/import/preview");

    static final int PROVINCE_FILE_MAX_BYTES = 20 * 1024 * 1024;

    private final JsonMapper json;

    GeoJsonBodies(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
        configurer.defaultCodecs().jacksonJsonDecoder(new PathLimitedDecoder(json, MediaType.APPLICATION_JSON));
        var geoJson = new PathLimitedDecoder(json, GEO_JSON);
        geoJson.setMaxInMemorySize(MAX_BYTES);
        configurer.customCodecs().register(geoJson);
    }

    /** A JSON decoder whose limit is {@link #PROVINCE_FILE_MAX_BYTES} for {@link #PROVINCE_FILES}. */
    static final class PathLimitedDecoder extends JacksonJsonDecoder {

        private static final String LIMIT = PathLimitedDecoder.class.getName() + ".limit";

        PathLimitedDecoder(JsonMapper json, MimeType type) {
            super(json, type);
        }

        @Override
        public Map<String, Object> getDecodeHints(
                ResolvableType actualType,
                ResolvableType elementType,
                ServerHttpRequest request,
                ServerHttpResponse response) {
            Map<String, Object> hints = new HashMap<>(super.getDecodeHints(actualType, elementType, request, response));
            if (PROVINCE_FILES.contains(
                    request.getPath().pathWithinApplication().value())) {
                hints.put(LIMIT, PROVINCE_FILE_MAX_BYTES);
            }
            return hints;
        }

        @Override
        public Mono<Object> decodeToMono(
                Publisher<DataBuffer> input,
                ResolvableType elementType,
                @Nullable MimeType mimeType,
                @Nullable Map<String, Object> hints) {
            int limit = hints != null && hints.get(LIMIT) instanceof Integer larger ? larger : getMaxInMemorySize();
            // As the parent does, with only the limit changed.
            Map<String, Object> given = hints == null ? Map.of() : hints;
            return Mono.deferContextual(context -> {
                Map<String, Object> allHints =
                        context.isEmpty() ? given : Hints.merge(given, ContextView.class.getName(), context);
                return DataBufferUtils.join(input, limit)
                        .flatMap(buffer -> Mono.justOrEmpty(decode(buffer, elementType, mimeType, allHints)));
            });
        }
    }
}
