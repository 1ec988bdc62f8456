package vn.urbanorder.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.testing.IntegrationTest;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RequestIdIntegrationTests {

    @Autowired
    WebTestClient http;

    @Test
    void aCallersRequestIdIsReturnedAndLogged(CapturedOutput output) {
        http.get()
                .uri("/api/v1/categories")
                .header("X-Request-Id", "phone-42.retry_1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Request-Id", "phone-42.retry_1");

        assertThat(output).contains("[phone-42.retry_1]").contains("GET /api/v1/categories 200");
    }

    @Test
    void aRequestWithoutAnIdGetsOne() {
        http.get().uri("/api/v1/categories").exchange().expectHeader().value("X-Request-Id", id -> assertThat(id)
                .matches("[0-9a-f-]{36}"));
    }

    @Test
    void anUnsafeIdIsReplacedRatherThanEchoedIntoLogs() {
        http.get()
                .uri("/api/v1/categories")
                .header("X-Request-Id", "x\" onload=alert(1) " + "a".repeat(80))
                .exchange()
                .expectHeader()
                .value("X-Request-Id", id -> assertThat(id).matches("[0-9a-f-]{36}"));
    }
}
