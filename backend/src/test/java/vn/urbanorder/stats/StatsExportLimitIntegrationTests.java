package vn.urbanorder.stats;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;

/** An instance with no export slot free answers 503 with Retry-After, and builds nothing. */
@IntegrationTest
@TestPropertySource(properties = "urbanorder.stats.max-concurrent-exports=0")
class StatsExportLimitIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Test
    void anExportBeyondTheInstancesSlotsIsTurnedAwayToRetryLater() {
        String admin = fixtures.bearer(fixtures.user(fixtures.ward(), "WARD_ADMIN"));
        http.get()
                .uri("/api/v1/stats/monthly/2026-10/export?format=xlsx")
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals("Retry-After", "5")
                .expectHeader()
                .contentType("application/problem+json");
        // The figures themselves are not limited.
        http.get()
                .uri("/api/v1/stats/monthly?month=2026-10")
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk();
    }
}
