package vn.urbanorder.shared.web;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.util.MimeType;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON part of a multipart form ({@code report}, {@code action}, {@code review}) is read as
 * JSON whatever its label: RFC 7578 makes a part without a Content-Type {@code text/plain}, and
 * generic form encoders (openapi-generator's Python client among them) send object fields that
 * way. Only the contract's models are read so, and request bodies never reach this decoder,
 * since every JSON operation maps {@code application/json} alone.
 */
@Configuration(proxyBeanMethods = false)
class JsonFormParts implements WebFluxConfigurer {

    /** Where the models generated from the contract live. */
    static final String API_MODELS = "vn.urbanorder.api.model";

    private final JsonMapper json;

    JsonFormParts(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
        configurer.customCodecs().register(new UnlabelledJson(json));
    }

    /** A part with no type arrives as {@code application/octet-stream}, the framework's default. */
    static final class UnlabelledJson extends JacksonJsonDecoder {

        UnlabelledJson(JsonMapper json) {
            super(json, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM);
        }

        @Override
        public boolean canDecode(ResolvableType elementType, @Nullable MimeType mimeType) {
            return API_MODELS.equals(elementType.toClass().getPackageName()) && super.canDecode(elementType, mimeType);
        }
    }
}
