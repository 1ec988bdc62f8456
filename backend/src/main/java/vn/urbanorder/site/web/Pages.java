package vn.urbanorder.site.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The landing page and the API reference page in each language the message bundles hold, put
 * together once at start-up: the pages change only with a release, and no request then reads a
 * bundle from a jar on an event loop.
 */
@Component
class Pages {

    /** Vietnamese first: the base bundle ({@code messages.properties}) is Vietnamese. */
    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    static final List<Locale> LANGUAGES = List.of(VIETNAMESE, Locale.ENGLISH);

    private final Map<Locale, Rendered> byLanguage;

    Pages(MessageSource messages) {
        this.byLanguage = LANGUAGES.stream()
                .collect(Collectors.toUnmodifiableMap(Function.identity(), language -> render(messages, language)));
    }

    /** The pages in the language the client prefers among those there are, Vietnamese otherwise. */
    Rendered in(List<Locale.LanguageRange> preferred) {
        Locale chosen = Locale.lookup(preferred, LANGUAGES);
        return Objects.requireNonNull(
                byLanguage.get(chosen == null ? VIETNAMESE : chosen), "every language is rendered");
    }

    record Rendered(Locale language, String landing, String reference) {}

    private static Rendered render(MessageSource messages, Locale language) {
        Function<String, String> text = key -> HtmlUtils.htmlEscape(messages.getMessage(key, null, language), "UTF-8");
        String lang = text.apply("site.lang");
        String landing = """
                <!DOCTYPE html>
                <html lang="%s">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <link rel="stylesheet" href="/site/site.css">
                </head>
                <body>
                <main class="landing">
                <h1>%s</h1>
                <p>%s</p>
                <ul class="links">
                <li><a href="/app/">%s</a><span>%s</span></li>
                <li><a href="/console/">%s</a><span>%s</span></li>
                <li><a href="/reference/">%s</a><span>%s</span></li>
                <li><a href="/api/v1/openapi.yaml">%s</a><span>%s</span></li>
                <li><a href="/actuator/health">%s</a><span>%s</span></li>
                </ul>
                </main>
                </body>
                </html>
                """.formatted(
                        lang,
                        text.apply("site.name"),
                        text.apply("site.name"),
                        text.apply("site.intro"),
                        text.apply("site.app"),
                        text.apply("site.app.about"),
                        text.apply("site.console"),
                        text.apply("site.console.about"),
                        text.apply("site.reference"),
                        text.apply("site.reference.about"),
                        text.apply("site.contract"),
                        text.apply("site.contract.about"),
                        text.apply("site.health"),
                        text.apply("site.health.about"));
        String reference = """
                <!DOCTYPE html>
                <html lang="%s">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <link rel="stylesheet" href="/webjars/swagger-ui/swagger-ui.css">
                <link rel="stylesheet" href="/site/site.css">
                </head>
                <body>
                <nav class="site"><a href="/">%s</a> · <a href="/api/v1/openapi.yaml">%s</a></nav>
                <noscript><p class="noscript">%s</p></noscript>
                <div id="reference"></div>
                <script src="/webjars/swagger-ui/swagger-ui-bundle.js"></script>
                <script src="/site/reference.js"></script>
                </body>
                </html>
                """.formatted(
                        lang,
                        text.apply("reference.title"),
                        text.apply("reference.home"),
                        text.apply("site.contract"),
                        text.apply("reference.noscript"));
        return new Rendered(language, landing, reference);
    }
}
