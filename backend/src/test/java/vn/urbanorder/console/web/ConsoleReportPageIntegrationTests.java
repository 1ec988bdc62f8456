package vn.urbanorder.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.identity.DeskSessions;
import vn.urbanorder.testing.DeskSignIn;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;
import vn.urbanorder.testing.Submission;

/**
 * The report page and the queue over plain HTTP: what the API answers underneath (the report, its
 * trail, the category names the console keeps) is on the page, and a report the person may not
 * see is refused as the API refuses it, though the page asks for its parts all at once.
 */
@IntegrationTest
class ConsoleReportPageIntegrationTests {

    private static final UUID VSMT = UUID.fromString("a1000000-0000-4000-8000-000000000203");
    private static final UUID TTDT = UUID.fromString("a1000000-0000-4000-8000-000000000201");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    /** The contract-checked client, for the API. */
    @Autowired
    WebTestClient api;

    WebTestClient http;

    @BeforeEach
    void browser() {
        http = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    @Test
    void theUnitsStaffSeeTheReportWithItsNamesAndTrailAndFindItInTheirQueue() {
        ReportDto report = sanitationReport();
        String session = DeskSignIn.session(http, fixtures.user(Fixtures.DEMO_WARD, VSMT, "UNIT_STAFF"));

        // The second time, the category names come from the list the console keeps.
        for (int time = 0; time < 2; time++) {
            assertThat(page("/console/reports/" + report.getId(), session, 200))
                    .contains(
                            report.getReference(),
                            "Vệ sinh môi trường",
                            "Vứt, xả rác ra đường phố, nơi công cộng",
                            "Gửi phản ánh");
        }
        assertThat(page("/console/queue", session, 200)).contains(report.getReference(), "Vệ sinh môi trường");
    }

    @Test
    void aReportOfAnotherUnitOrNoReportIsRefusedAsTheApiRefusesIt() {
        ReportDto report = sanitationReport();
        String other = fixtures.user(Fixtures.DEMO_WARD, TTDT, "UNIT_STAFF");
        int refused = api.get()
                .uri("/api/v1/reports/{id}", report.getId())
                .header(HttpHeaders.AUTHORIZATION, fixtures.bearer(other))
                .exchange()
                .returnResult(String.class)
                .getStatus()
                .value();
        assertThat(refused).isIn(403, 404);
        String session = DeskSignIn.session(http, other);

        assertThat(page("/console/reports/" + report.getId(), session, refused)).doesNotContain(report.getReference());
        page("/console/reports/" + UUID.randomUUID(), session, 404);
    }

    private ReportDto sanitationReport() {
        String patrol = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "PATROL"));
        return Submission.sound()
                .category("SANITATION", "LITTERING")
                .description("Vứt rác ra vỉa hè trước cổng chợ")
                .inTdp09()
                .submitted(api, patrol);
    }

    private String page(String path, String session, int status) {
        EntityExchangeResult<String> result = http.get()
                .uri(path)
                .cookie(DeskSessions.COOKIE, session)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(String.class)
                .returnResult();
        return result.getResponseBody() == null ? "" : result.getResponseBody();
    }
}
