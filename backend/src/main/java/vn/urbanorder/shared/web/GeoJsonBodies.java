package vn.urbanorder.shared.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * GeoJSON uploads ({@code application/geo+json}) may be up to 5 MB, a ward's whole map; every
 * other JSON body keeps the codecs' 256 KB limit, so no other endpoint buffers large bodies.
 * The server's default JSON decoder is narrowed to {@code application/json}, because it would
 * otherwise claim every {@code +json} type with its smaller limit before this one is asked.
 * Server side only: HTTP clients built by Spring keep their usual codecs.
 */
@Configuration(proxyBeanMethods = false)
class GeoJsonBodies implements WebFluxConfigurer {

    static final MediaType GEO_JSON = new MediaType("application", "geo+json");
    static final int MAX_BYTES = 5 * 1024 * 1024;

    private final JsonMapper json;

    GeoJsonBodies(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
        configurer.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(json, MediaType.APPLICATION_JSON));
        var geoJson = new JacksonJsonDecoder(json, GEO_JSON);
        geoJson.setMaxInMemorySize(MAX_BYTES);
        configurer.customCodecs().register(geoJson);
    }
}
