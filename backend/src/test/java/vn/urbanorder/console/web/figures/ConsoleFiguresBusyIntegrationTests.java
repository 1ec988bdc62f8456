package vn.urbanorder.console.web.figures;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.identity.DeskSessions;
import vn.urbanorder.testing.DeskSignIn;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;

/**
 * With every export slot taken, the console passes the API's 503 and its Retry-After on to the
 * page, which waits and asks again (the same settings as {@code StatsExportLimitIntegrationTests},
 * so the two share one application).
 */
@IntegrationTest
@TestPropertySource(properties = "urbanorder.stats.max-concurrent-exports=0")
class ConsoleFiguresBusyIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Test
    void aBusyExportGateReachesThePageAsA503WithRetryAfter() {
        WebTestClient http = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(60))
                .build();
        String session = DeskSignIn.session(http, fixtures.user(Fixtures.DEMO_WARD, "WARD_ADMIN"));
        http.get()
                .uri("/console/figures/download?period=" + YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh"))
                        + "&format=xlsx")
                .cookie(DeskSessions.COOKIE, session)
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectHeader()
                .doesNotExist(HttpHeaders.CONTENT_DISPOSITION);
    }
}
