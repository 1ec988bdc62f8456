package vn.urbanorder.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;

/** Every failure a clumsy or hostile client can cause is answered with a clean RFC 9457 problem. */
@IntegrationTest
class ProblemIntegrationTests {

    private static final String PROBE = "/api/v1/problem-probe";

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    String patrol;

    @BeforeEach
    void signIn() {
        patrol = fixtures.bearer("patrol1");
    }

    @Test
    void anUnknownRouteIsANotFoundProblem() {
        http.get()
                .uri("/api/v1/does-not-exist")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(404)
                .jsonPath("$.title")
                .isEqualTo("Not Found")
                .jsonPath("$.instance")
                .isEqualTo("/api/v1/does-not-exist")
                .jsonPath("$.requestId")
                .isNotEmpty();
    }

    @Test
    void aWrongMethodIsAProblemThatSaysWhichMethodsWork() {
        http.delete()
                .uri("/api/v1/categories")
                .header("Authorization", patrol)
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectHeader()
                .valueEquals("Allow", "GET")
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Địa chỉ này không nhận phương thức DELETE.");
    }

    @Test
    void malformedJsonIsABadRequestProblemThatSaysWhere() {
        http.post()
                .uri(PROBE)
                .header("Authorization", patrol)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"Tổ 5\",\n \"count\": }")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(String.class, detail -> assertThat(detail).startsWith("Nội dung JSON không đọc được (dòng 2"));
    }

    @Test
    void aBodyOfTheWrongShapeIsABadRequestProblem() {
        http.post()
                .uri(PROBE)
                .header("Authorization", patrol)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[1, 2, 3]")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .value(String.class, detail -> assertThat(detail).doesNotContain("vn.urbanorder", "Exception"));
    }

    @Test
    void anUnsupportedMediaTypeIsAProblem() {
        http.post()
                .uri(PROBE)
                .header("Authorization", patrol)
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("name=x")
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Không hỗ trợ kiểu nội dung text/plain.");
    }

    @Test
    void invalidFieldsAreAnUnprocessableProblemListingEachField() {
        http.post()
                .uri(PROBE)
                .header("Authorization", patrol)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \" \", \"count\": 0}")
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://urbanorder.vn/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("count")
                .jsonPath("$.errors[1].field")
                .isEqualTo("name");
    }

    @Test
    void anInternalErrorShowsNoStackTraceNoSqlAndNoExceptionMessage() {
        String body = http.get()
                .uri(PROBE + "/failure")
                .header("Authorization", patrol)
                .header("X-Request-Id", "probe-500")
                .exchange()
                .expectStatus()
                .is5xxServerError()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(body)
                .contains("\"status\":500", "\"requestId\":\"probe-500\"")
                .doesNotContain("SELECT", "password", "IllegalStateException", "at vn.", "trace");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ProbeConfiguration {

        @Bean
        Probe problemProbe() {
            return new Probe();
        }
    }

    @RestController
    static class Probe {

        record Sample(@NotBlank String name, @Min(1) int count) {}

        @PostMapping(path = PROBE, consumes = MediaType.APPLICATION_JSON_VALUE)
        Mono<Sample> echo(@Valid @RequestBody Sample sample) {
            return Mono.just(sample);
        }

        @GetMapping(PROBE + "/failure")
        Mono<String> failure() {
            return Mono.error(new IllegalStateException("SELECT password FROM app_user failed"));
        }
    }
}
