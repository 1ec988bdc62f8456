package vn.urbanorder.site.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.testing.IntegrationTest;

/**
 * The service's public pages: its root links to the field app and the API reference, the contract is served as the
 * spec module packages it, and the reference page needs nothing from any other site.
 */
@IntegrationTest
class SitePagesIntegrationTests {

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    @Test
    void theContractIsServedToAnyoneAsTheSpecModulePackagesIt() throws IOException {
        byte[] served = http.get()
                .uri("/api/v1/openapi.yaml")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(MediaType.APPLICATION_YAML)
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();

        try (InputStream packaged = new ClassPathResource("openapi/openapi.yaml").getInputStream()) {
            assertThat(served).isEqualTo(packaged.readAllBytes());
        }
        var parsed = new OpenAPIV3Parser().readContents(new String(served, StandardCharsets.UTF_8));
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getPaths()).containsKeys("/api/v1/openapi.yaml", "/api/v1/reports/with-photos");
    }

    @Test
    void theRootIsAVietnamesePageLinkingToTheReferenceAndHealth() {
        String page = page("/", "vi-VN,vi;q=0.9");

        assertThat(page)
                .contains("<html lang=\"vi\">")
                .contains("Hệ thống phản ánh vi phạm trật tự đô thị")
                .contains("href=\"/app/\"")
                .contains("href=\"/console/\"")
                .contains("href=\"/reference/\"")
                .contains("href=\"/api/v1/openapi.yaml\"")
                .contains("href=\"/actuator/health\"");
        assertThat(page("/", "fr")).as("a language without a bundle").contains("<html lang=\"vi\">");
        assertThat(page("/", "en-GB,en;q=0.8")).contains("<html lang=\"en\">").contains("href=\"/reference/\"");
    }

    @Test
    void theReferencePageGetsEveryAssetFromTheServiceItself() {
        String page = page("/reference/", "vi");
        List<String> assets =
                ASSET.matcher(page).results().map(found -> found.group(1)).toList();

        assertThat(assets)
                .contains("/webjars/swagger-ui/swagger-ui-bundle.js", "/api/v1/openapi.yaml")
                .allMatch(asset -> asset.startsWith("/"), "a path on this service, no other site");
        // The bundle is larger than the contract-checked client buffers, and no asset is under contract.
        WebTestClient files = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024))
                .build();
        for (String asset : assets) {
            files.get().uri(asset).exchange().expectStatus().isOk().expectBody().consumeWith(body -> assertThat(
                            body.getResponseBody())
                    .as(asset)
                    .isNotEmpty());
        }
        Matcher script = Pattern.compile("url: \"([^\"]+)\"")
                .matcher(http.get()
                        .uri("/site/reference.js")
                        .exchange()
                        .expectHeader()
                        .contentTypeCompatibleWith("text/javascript")
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody());
        assertThat(script.find()).isTrue();
        assertThat(script.group(1)).isEqualTo("/api/v1/openapi.yaml");
    }

    @Test
    void pagesMayUseOnlyWhatTheServiceServes() {
        http.get()
                .uri("/reference/")
                .exchange()
                .expectHeader()
                .valueEquals(
                        "Content-Security-Policy",
                        "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self';"
                                + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
                .expectHeader()
                .valueEquals("X-Frame-Options", "DENY");
    }

    private String page(String path, String languages) {
        return http.get()
                .uri(path)
                .header("Accept-Language", languages)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }
}
