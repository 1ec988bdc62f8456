package vn.urbanorder.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.NearbyReportsDto;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.api.model.ReportPageDto;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;
import vn.urbanorder.testing.Submission;

@IntegrationTest
class ReportReadIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DatabaseClient database;

    UUID ward;
    String patrol;
    String otherPatrol;

    @BeforeEach
    void aWardWithTwoPatrols() {
        ward = fixtures.ward();
        patrol = fixtures.bearer(fixtures.user(ward, "PATROL"));
        otherPatrol = fixtures.bearer(fixtures.user(ward, "PATROL"));
    }

    @Test
    void aPatrolReadsItsReportAndTheWardsOpenOnesButNotOthersClosedOnes() {
        ReportDto mine = Submission.sound().submitted(http, patrol);
        ReportDto theirsOpen = Submission.sound().submitted(http, otherPatrol);
        ReportDto theirsClosed = Submission.sound().submitted(http, otherPatrol);
        setStatus(theirsClosed.getId(), "RESOLVED");

        get(patrol, mine.getId()).expectStatus().isOk();
        get(patrol, theirsOpen.getId()).expectStatus().isOk();
        get(patrol, theirsClosed.getId()).expectStatus().isNotFound();
        get(otherPatrol, theirsClosed.getId()).expectStatus().isOk();
    }

    @Test
    void anotherWardsReportIsNotFoundEvenForItsInspectorsPeers() {
        ReportDto report = Submission.sound().submitted(http, patrol);
        UUID otherWard = fixtures.ward();
        String stranger = fixtures.bearer(fixtures.user(otherWard, "INSPECTOR"));
        String strangerPatrol = fixtures.bearer(fixtures.user(otherWard, "PATROL"));

        get(stranger, report.getId()).expectStatus().isNotFound();
        get(strangerPatrol, report.getId()).expectStatus().isNotFound();
        assertThat(list(stranger, "").getItems()).isEmpty();
    }

    @Test
    void inspectorsAndAdminsSeeEveryReportOfTheWard() {
        ReportDto closed = Submission.sound().submitted(http, patrol);
        setStatus(closed.getId(), "REJECTED");

        get(fixtures.bearer(fixtures.user(ward, "INSPECTOR")), closed.getId())
                .expectStatus()
                .isOk();
        get(fixtures.bearer(fixtures.user(ward, "WARD_ADMIN")), closed.getId())
                .expectStatus()
                .isOk();
    }

    @Test
    void searchIgnoresCaseAndDiacritics() {
        ReportDto match = Submission.sound()
                .addressText("Ngõ 45 Nguyễn Văn Cừ")
                .description("Đổ phế thải")
                .submitted(http, patrol);
        Submission.sound()
                .addressText("Số 3 Ngọc Lâm")
                .description("Bán hàng rong")
                .submitted(http, patrol);

        assertThat(list(patrol, "q=nguyen van cu").getItems())
                .extracting(ReportDto::getId)
                .containsExactly(match.getId());
        assertThat(list(patrol, "q=DO PHE THAI").getItems())
                .extracting(ReportDto::getId)
                .containsExactly(match.getId());
        assertThat(list(patrol, "q=100%25").getItems()).isEmpty();
    }

    @Test
    void filtersNarrowTheList() {
        Instant now = Instant.now();
        ReportDto sanitation = Submission.sound()
                .category("SANITATION", "LITTERING")
                .observedAt(now.minus(2, ChronoUnit.DAYS))
                .submitted(http, patrol);
        ReportDto sidewalk = Submission.sound().at(21.0500, 105.8880).submitted(http, patrol);

        assertThat(ids(list(patrol, "category=SANITATION"))).containsExactly(sanitation.getId());
        assertThat(ids(list(patrol, "subtype=GOODS_DISPLAY"))).containsExactly(sidewalk.getId());
        assertThat(ids(list(patrol, "from=" + now.minus(1, ChronoUnit.DAYS)))).containsExactly(sidewalk.getId());
        assertThat(ids(list(patrol, "bbox=105.887,21.049,105.889,21.051"))).containsExactly(sidewalk.getId());
        assertThat(ids(list(patrol, "status=UNASSIGNED"))).hasSize(2);
    }

    @Test
    void cursorPagesWalkEveryReportOnceInAStableOrder() {
        List<UUID> submitted = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            submitted.add(Submission.sound()
                    .observedAt(Instant.now().minus(i, ChronoUnit.HOURS))
                    .submitted(http, patrol)
                    .getId());
        }

        List<UUID> walked = new ArrayList<>();
        String cursor = null;
        do {
            ReportPageDto page = list(patrol, "limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            walked.addAll(ids(page));
            cursor = page.getNextCursor();
        } while (cursor != null);

        assertThat(walked).containsExactlyElementsOf(submitted);
    }

    @Test
    void reportsObservedAtTheSameMomentArePagedByIdAndTheLastFullPageHasNoCursor() {
        Instant sameMoment = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        List<UUID> submitted = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            submitted.add(Submission.sound()
                    .observedAt(sameMoment)
                    .submitted(http, patrol)
                    .getId());
        }

        ReportPageDto first = list(patrol, "limit=3");
        ReportPageDto second = list(patrol, "limit=3&cursor=" + first.getNextCursor());

        List<UUID> walked = new ArrayList<>(ids(first));
        walked.addAll(ids(second));
        assertThat(walked).containsExactlyInAnyOrderElementsOf(submitted).doesNotHaveDuplicates();
        assertThat(second.getNextCursor()).isNull();
    }

    @Test
    void aPatrolsListHidesOtherPatrolsClosedReports() {
        ReportDto theirsClosed = Submission.sound().submitted(http, otherPatrol);
        setStatus(theirsClosed.getId(), "VERIFIED");
        ReportDto theirsOpen = Submission.sound().submitted(http, otherPatrol);

        assertThat(ids(list(patrol, ""))).containsExactly(theirsOpen.getId());
    }

    @Test
    void aMadeUpCursorOrBoxIsAValidationProblem() {
        http.get()
                .uri("/api/v1/reports?cursor=bm9wZQ")
                .header("Authorization", patrol)
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("cursor");
        http.get()
                .uri("/api/v1/reports?bbox=1,2,3")
                .header("Authorization", patrol)
                .exchange()
                .expectStatus()
                .isEqualTo(422);
        http.get()
                .uri("/api/v1/reports?limit=201")
                .header("Authorization", patrol)
                .exchange()
                .expectStatus()
                .isEqualTo(422);
    }

    @Test
    void nearbyFindsOpenReportsWithinTheRadiusNearestFirst() {
        ReportDto here = Submission.sound().at(21.04520, 105.88530).submitted(http, patrol);
        ReportDto fortyMetresAway = Submission.sound().at(21.04556, 105.88530).submitted(http, otherPatrol);
        Submission.sound().at(21.04700, 105.88530).submitted(http, patrol);
        ReportDto closed = Submission.sound().at(21.04521, 105.88531).submitted(http, patrol);
        setStatus(closed.getId(), "RESOLVED");

        NearbyReportsDto nearby = http.get()
                .uri("/api/v1/reports/nearby?lat=21.0452&lon=105.8853&radiusM=60")
                .header("Authorization", patrol)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(NearbyReportsDto.class)
                .returnResult()
                .getResponseBody();

        assertThat(nearby.getItems())
                .extracting(item -> item.getReport().getId())
                .containsExactly(here.getId(), fortyMetresAway.getId());
        assertThat(nearby.getItems().get(1).getDistanceM()).isBetween(38.0, 42.0);
    }

    @Test
    void nearbyRefusesAHugeRadius() {
        http.get()
                .uri("/api/v1/reports/nearby?lat=21.0452&lon=105.8853&radiusM=501")
                .header("Authorization", patrol)
                .exchange()
                .expectStatus()
                .isEqualTo(422);
    }

    private WebTestClient.ResponseSpec get(String bearer, UUID id) {
        return http.get()
                .uri("/api/v1/reports/" + id)
                .header("Authorization", bearer)
                .exchange();
    }

    private ReportPageDto list(String bearer, String query) {
        return http.get()
                .uri("/api/v1/reports?" + query)
                .header("Authorization", bearer)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ReportPageDto.class)
                .returnResult()
                .getResponseBody();
    }

    private static List<UUID> ids(ReportPageDto page) {
        return page.getItems().stream().map(ReportDto::getId).toList();
    }

    /** Later features move reports on; until they exist, tests set the status directly. */
    private void setStatus(UUID report, String status) {
        database.sql("UPDATE report SET status = :status WHERE id = :id")
                .bind("status", status)
                .bind("id", report)
                .then()
                .block();
    }
}
