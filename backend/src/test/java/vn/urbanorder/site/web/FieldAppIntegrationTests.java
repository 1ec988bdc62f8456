package vn.urbanorder.site.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.urbanorder.testing.IntegrationTest;

/**
 * The field app as the service serves it, before any browser: the page, its service worker with
 * the release's file list, the manifest and its icons. What the app does is tested in a browser
 * ({@code FieldAppBrowserTests}).
 */
@IntegrationTest
class FieldAppIntegrationTests {

    private static final Path SOURCES = Path.of("src/main/resources/static/app");
    private static final Pattern KEPT = Pattern.compile("\\[\"(/app/[^\"]*)\", \"sha256-([^\"]+)\"]");

    @LocalServerPort
    int port;

    WebTestClient http;

    @BeforeEach
    void client() {
        // Static files are not under the contract, so not the contract-checked client.
        http = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    @Test
    void withoutTheSlashTheAppIsOneRedirectAway() {
        http.get()
                .uri("/app")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.MOVED_PERMANENTLY)
                .expectHeader()
                .location("/app/");
    }

    @Test
    void thePageNamesTheModulesOfItsFirstScreenToFetchAtOnceAndIsRevalidatedEachVisit() throws IOException {
        String page = text("/app/", "text/html");

        assertThat(page)
                .contains("<html lang=\"vi\">")
                .contains("<link rel=\"manifest\" href=\"manifest.webmanifest\">");
        for (String module : files(".js")) {
            String preload = "<link rel=\"modulepreload\" href=\"" + module + "\">";
            if (module.startsWith("js/views/") || module.equals("sw.js")) {
                assertThat(page).as("fetched when its screen opens").doesNotContain(preload);
            } else {
                assertThat(page).contains(preload);
            }
        }
        String etag = http.get()
                .uri("/app/")
                .exchange()
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
        http.get().uri("/app/").ifNoneMatch(etag).exchange().expectStatus().isNotModified();
    }

    @Test
    void theServiceWorkerKeepsEveryFileOfThisRelease() throws IOException {
        String worker = text("/app/sw.js", "text/javascript");

        assertThat(worker)
                .doesNotContain("__VERSION__")
                .doesNotContain("__SHELL__")
                .containsPattern("const VERSION = \"[0-9a-f]{16}\";");
        Map<String, String> kept = KEPT.matcher(worker)
                .results()
                .collect(Collectors.toMap(found -> found.group(1), found -> found.group(2)));
        List<String> expected = Stream.concat(
                        Stream.of("/app/"),
                        files("").stream()
                                .filter(name -> !name.equals("sw.js") && !name.equals("index.html"))
                                .map(name -> "/app/" + name))
                .toList();
        assertThat(kept.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        kept.forEach((path, integrity) -> {
            byte[] served = http.get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(byte[].class)
                    .returnResult()
                    .getResponseBody();
            assertThat(integrity).as(path + ": the hash the worker checks").isEqualTo(sha256(served));
        });
    }

    @Test
    void theManifestMakesAnInstallableVietnameseApp() throws IOException {
        JsonNode manifest =
                JsonMapper.builder().build().readTree(text("/app/manifest.webmanifest", "application/manifest+json"));

        assertThat(manifest.get("name").asText()).isEqualTo("Báo vi phạm – Trật tự đô thị");
        assertThat(manifest.get("lang").asText()).isEqualTo("vi");
        assertThat(manifest.get("start_url").asText()).startsWith("/app/");
        assertThat(manifest.get("scope").asText()).isEqualTo("/app/");
        assertThat(manifest.get("display").asText()).isEqualTo("standalone");
        List<String> sizes = manifest.get("icons")
                .valueStream()
                .map(icon -> icon.get("sizes").asText())
                .toList();
        assertThat(sizes).contains("192x192", "512x512");
        for (JsonNode icon : manifest.get("icons")) {
            http.get()
                    .uri("/app/" + icon.get("src").asText())
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .contentType(icon.get("type").asText());
        }
    }

    @Test
    void scriptsAreServedAsJavaScriptAndCompressedForPhones() throws IOException, InterruptedException {
        // java.net.http leaves the body compressed (WebTestClient's connector would inflate it).
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/app/js/main.js"))
                                .header(HttpHeaders.ACCEPT_ENCODING, "gzip")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
        assertThat(response.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).hasValue("gzip");
        assertThat(response.body().length).isLessThan((int) Files.size(SOURCES.resolve("js/main.js")));
    }

    private String text(String path, String type) {
        String body = http.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(type)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(body).isNotNull();
        return body;
    }

    private static String sha256(byte[] bytes) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The app's files under static/app with the given ending, as paths relative to it. */
    private static List<String> files(String ending) throws IOException {
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            return walk.filter(Files::isRegularFile)
                    .map(file -> SOURCES.relativize(file).toString().replace('\\', '/'))
                    .filter(name -> name.endsWith(ending))
                    .sorted()
                    .toList();
        }
    }
}
