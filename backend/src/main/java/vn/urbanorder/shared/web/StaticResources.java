package vn.urbanorder.shared.web;

import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.config.ResourceHandlerRegistration;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * Static files: the service's own under {@code /} (from {@code static/}), and third-party browser
 * code from WebJars under {@code /webjars/}, by version-less paths. These replace Spring Boot's
 * mappings ({@code spring.web.resources.add-mappings=false}) so that every file is read from its
 * jar off the event loops ({@link InMemoryResources}). Browsers revalidate each file
 * ({@code no-cache} with {@code Last-Modified}), so a release is seen at once.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebFluxConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(CacheControl.noCache())
                .resourceChain(true)
                .addResolver(new InMemoryResources());
        ResourceHandlerRegistration own = registry.addResourceHandler("/**")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.noCache());
        // Browsers install a web app only from a manifest served as what it is.
        own.setMediaTypes(Map.of("webmanifest", MediaType.parseMediaType("application/manifest+json")));
        own.resourceChain(true).addResolver(new InMemoryResources());
    }
}
