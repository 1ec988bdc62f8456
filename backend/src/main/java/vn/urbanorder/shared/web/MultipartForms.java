package vn.urbanorder.shared.web;

import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.boot.webflux.autoconfigure.ReactiveMultipartProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.CodecConfigurer;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.multipart.MultipartHttpMessageReader;
import org.springframework.stereotype.Component;

/**
 * Multipart forms are read by {@link PartReader}, within {@code spring.webflux.multipart.*}, its
 * large parts spooled to the {@link MultipartSpool}; the framework still gathers the parts into
 * the form its handlers see, and deletes them with the request.
 */
@Component
@Order(1) // after Spring Boot's own multipart settings, which this reader takes over
class MultipartForms implements CodecCustomizer {

    private final MultipartLimits limits;
    private final MultipartSpool spool;

    MultipartForms(ReactiveMultipartProperties properties, MultipartSpool spool) {
        this.limits = MultipartLimits.of(properties);
        this.spool = spool;
    }

    @Override
    public void customize(CodecConfigurer configurer) {
        if (configurer instanceof ServerCodecConfigurer) {
            configurer
                    .defaultCodecs()
                    .multipartReader(new MultipartHttpMessageReader(new PartReader(limits, spool.folder())));
        }
    }
}
