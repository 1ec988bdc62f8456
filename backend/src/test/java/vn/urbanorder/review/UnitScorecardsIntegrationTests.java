package vn.urbanorder.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.api.model.UnitDto;
import vn.urbanorder.api.model.UnitScorecardDto;
import vn.urbanorder.demo.DemoMap;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;
import vn.urbanorder.testing.Resolutions;
import vn.urbanorder.testing.Submission;

/** A unit of its own on the demo ward, given three reports: one confirmed, one disputed, one waiting. */
@IntegrationTest
class UnitScorecardsIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DemoMap demoMap;

    @Test
    void theScorecardCountsWhatTheUnitGotResolvedAndHowTheInspectorsFoundIt() {
        demoMap.ready().block();
        String admin = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "WARD_ADMIN"));
        String patrol = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "PATROL"));
        String inspector = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "INSPECTOR"));
        UnitDto unit = http.post()
                .uri("/api/v1/units")
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"code\": \"T"
                        + Integer.toString((int) (Math.random() * 1e6), 36).toUpperCase(java.util.Locale.ROOT)
                        + "\", \"name\": \"Tổ công tác thử\", \"kind\": \"OTHER\"}")
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(UnitDto.class)
                .returnResult()
                .getResponseBody();
        String staff = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, unit.getId(), "UNIT_STAFF"));

        ReportDto confirmed = reassigned(admin, submit(patrol), unit.getId());
        ReportDto disputed = reassigned(admin, submit(patrol), unit.getId());
        reassigned(admin, submit(patrol), unit.getId());
        Resolutions.acceptAndResolve(http, staff, confirmed);
        Resolutions.acceptAndResolve(http, staff, disputed);
        review(inspector, confirmed, "{\"verdict\": \"CONFIRMED\"}");
        review(inspector, disputed, "{\"verdict\": \"DISPUTED\", \"comment\": \"Chưa xử lý triệt để\"}");

        UnitScorecardDto card = scorecard(staff, unit.getId(), "")
                .expectStatus()
                .isOk()
                .expectBody(UnitScorecardDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(card.getAssigned()).isEqualTo(3);
        assertThat(card.getResolved()).isEqualTo(1);
        assertThat(card.getOnTimePercent()).isEqualTo(100.0);
        assertThat(card.getMedianHoursToResolve()).isNotNull().isLessThan(1.0);
        assertThat(card.getReviewed()).isEqualTo(2);
        assertThat(card.getConfirmedAtFirstReviewPercent()).isEqualTo(50.0);
        assertThat(card.getDisputedPercent()).isEqualTo(50.0);

        scorecard(patrol, unit.getId(), "").expectStatus().isForbidden();
        String otherStaff = fixtures.bearer(fixtures.user(
                Fixtures.DEMO_WARD, UUID.fromString("a1000000-0000-4000-8000-000000000203"), "UNIT_STAFF"));
        scorecard(otherStaff, unit.getId(), "").expectStatus().isForbidden();
        scorecard(inspector, unit.getId(), "").expectStatus().isOk();
        scorecard(fixtures.bearer(fixtures.user(fixtures.ward(), "WARD_ADMIN")), unit.getId(), "")
                .expectStatus()
                .isNotFound();
        scorecard(admin, unit.getId(), "?from=2026-03-01&to=2026-02-01")
                .expectStatus()
                .isEqualTo(422);
        UnitScorecardDto empty = scorecard(admin, unit.getId(), "?from=2025-01-01&to=2025-01-31")
                .expectStatus()
                .isOk()
                .expectBody(UnitScorecardDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(empty.getAssigned()).isZero();
        assertThat(empty.getOnTimePercent()).isNull();
    }

    private WebTestClient.ResponseSpec scorecard(String caller, UUID unit, String query) {
        return http.get()
                .uri("/api/v1/units/" + unit + "/scorecard" + query)
                .header("Authorization", caller)
                .exchange();
    }

    private ReportDto submit(String patrol) {
        return Submission.sound().category("CONSTRUCTION").submitted(http, patrol);
    }

    private ReportDto reassigned(String admin, ReportDto report, UUID unit) {
        return http.post()
                .uri("/api/v1/reports/" + report.getId() + "/actions")
                .header("Authorization", admin)
                .header("If-Match", "\"" + report.getVersion() + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"action\": \"REASSIGN\", \"unitId\": \"" + unit + "\", \"note\": \"Giao tổ công tác\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();
    }

    private void review(String inspector, ReportDto report, String body) {
        http.post()
                .uri("/api/v1/reports/" + report.getId() + "/reviews")
                .header("Authorization", inspector)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated();
    }
}
