package vn.urbanorder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.testing.IntegrationTest;

/** What an operator or Kubernetes asks of a running instance. */
@IntegrationTest
class OperationsIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    org.springframework.core.env.Environment environment;

    @Test
    void healthIsUpAndChecksTheDatabase() {
        http.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.components.r2dbc.status")
                .isEqualTo("UP");
    }

    @Test
    void livenessAndReadinessHaveTheirOwnGroups() {
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        http.get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components.r2dbc.status")
                .isEqualTo("UP");
    }

    @Test
    void infoTellsTheVersion() {
        http.get()
                .uri("/actuator/info")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.build.version")
                .isNotEmpty()
                .jsonPath("$.build.artifact")
                .isEqualTo("urban-order-backend");
    }

    @Test
    void idleConnectionsAreClosedByDefault() {
        // Longer than a load balancer's usual 60 s, so that the balancer closes first.
        assertThat(environment.getProperty("server.netty.idle-timeout", java.time.Duration.class))
                .isEqualTo(java.time.Duration.ofSeconds(75));
    }

    @Test
    void prometheusScrapesMetrics() {
        String metrics = http.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(metrics).contains("jvm_memory_used_bytes", "application=\"urban-order\"");
    }
}
