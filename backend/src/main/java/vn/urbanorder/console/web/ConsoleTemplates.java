package vn.urbanorder.console.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.spring6.ISpringWebFluxTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ITemplateResolver;
import org.thymeleaf.templateresource.ITemplateResource;
import org.thymeleaf.templateresource.StringTemplateResource;

/**
 * The pages' templates read once at start-up and kept in memory, and the template engine and the
 * message bundle made ready then too: no page ever reads a file from a jar on an event loop.
 * (Thymeleaf would otherwise read each template, and set itself up, on the first page it renders.)
 */
@Configuration(proxyBeanMethods = false)
class ConsoleTemplates {

    private static final String LOCATION = "classpath:/templates/";

    /** Replaces Spring Boot's resolver (the same name), which reads templates when first asked. */
    @Bean
    ITemplateResolver defaultTemplateResolver() {
        return new InMemory(read());
    }

    @Bean
    SmartInitializingSingleton readyTemplateEngine(ISpringWebFluxTemplateEngine engine, MessageSource messages) {
        return () -> {
            engine.getConfiguration();
            messages.getMessage("console.name", null, Locale.forLanguageTag("vi"));
        };
    }

    private static Map<String, String> read() {
        try {
            var resolver = new PathMatchingResourcePatternResolver();
            String base = resolver.getResource(LOCATION).getURI().toString();
            Map<String, String> templates = new HashMap<>();
            for (Resource template : resolver.getResources(LOCATION + "**/*.html")) {
                try (InputStream in = template.getInputStream()) {
                    templates.put(
                            template.getURI().toString().substring(base.length()),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return Map.copyOf(templates);
        } catch (IOException e) {
            throw new UncheckedIOException("The page templates cannot be read from " + LOCATION, e);
        }
    }

    /** Templates by name ({@code console/queue}), from memory. */
    private static final class InMemory extends AbstractConfigurableTemplateResolver {

        private final Map<String, String> templates;

        InMemory(Map<String, String> templates) {
            this.templates = templates;
            setSuffix(".html");
            setTemplateMode(TemplateMode.HTML);
            setCharacterEncoding(StandardCharsets.UTF_8.name());
            setCacheable(true);
            setCheckExistence(false);
        }

        @Override
        protected ITemplateResource computeTemplateResource(
                IEngineConfiguration configuration,
                String ownerTemplate,
                String template,
                String resourceName,
                String characterEncoding,
                Map<String, Object> templateResolutionAttributes) {
            String content = templates.get(resourceName);
            if (content == null) {
                throw new IllegalStateException("No page template " + resourceName + " under " + LOCATION);
            }
            return new StringTemplateResource(content);
        }
    }
}
