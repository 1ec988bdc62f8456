package vn.urbanorder.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;
import vn.urbanorder.testing.Submission;

@IntegrationTest
class ReportIntakeIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DatabaseClient database;

    @LocalServerPort
    int port;

    UUID ward;
    String wardCode;
    String patrol;

    @BeforeEach
    void aWardWithAPatrol() {
        ward = fixtures.ward();
        wardCode = database.sql("SELECT code FROM ward WHERE id = :id")
                .bind("id", ward)
                .map(row -> row.get("code", String.class))
                .one()
                .block();
        patrol = fixtures.bearer(fixtures.user(ward, "PATROL"));
    }

    @Test
    void aPatrolSubmitsAReportAndGetsItsReference() {
        ReportDto report = Submission.sound()
                .post(http, patrol)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .value("Location", location -> assertThat(location).startsWith("/api/v1/reports/"))
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();

        int year = Instant.now().atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
        assertThat(report.getReference()).isEqualTo(wardCode + "-" + year + "-000001");
        assertThat(report.getStatus().name()).isEqualTo("UNASSIGNED");
        assertThat(report.getCategory()).isEqualTo("SIDEWALK_ENCROACHMENT");
        assertThat(report.getAddressText()).isEqualTo("Số 12 Nguyễn Văn Cừ");
        assertThat(report.getReporter().getDisplayName()).startsWith("Người dùng");
        assertThat(report.getFlags()).isEmpty();
        assertThat(report.getPhotos()).isEmpty();
        assertThat(report.getVersion()).isEqualTo(1);

        ReportDto second = Submission.sound()
                .post(http, patrol)
                .expectStatus()
                .isCreated()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(second.getReference()).isEqualTo(wardCode + "-" + year + "-000002");
    }

    @Test
    void thePhonesClockOffsetIsKeptAsEvidence() {
        ReportDto report = Submission.sound()
                .post(http, patrol)
                .expectStatus()
                .isCreated()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();

        Integer offset = database.sql("SELECT observed_offset_seconds FROM report WHERE id = :id")
                .bind("id", report.getId())
                .map(row -> row.get("observed_offset_seconds", Integer.class))
                .one()
                .block();
        assertThat(offset).isEqualTo(7 * 3600);
    }

    @Test
    void aRetryGetsTheOriginalReport() {
        var submission = Submission.sound();
        ReportDto first = submission
                .post(http, patrol)
                .expectStatus()
                .isCreated()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();

        ReportDto retry = submission
                .post(http, patrol)
                .expectStatus()
                .isOk()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();

        assertThat(retry.getId()).isEqualTo(first.getId());
        assertThat(retry.getReference()).isEqualTo(first.getReference());
    }

    /** Intake goes straight to the insert for a report without photos; a retry the rules now refuse still finds its report. */
    @Test
    void aRetryTheRulesWouldNowRefuseStillGetsTheOriginalReport() {
        String username = fixtures.user(ward, "PATROL");
        var submission = Submission.sound();
        ReportDto first = submission.submitted(http, fixtures.bearer(username));
        // No longer a patrol: a report of their own would be refused now.
        database.sql("UPDATE app_user SET roles = '{INSPECTOR}' WHERE username = :username")
                .bind("username", username)
                .then()
                .block();
        String inspector = fixtures.bearer(username);
        Submission.sound().post(http, inspector).expectStatus().isForbidden();

        ReportDto retry = submission
                .post(http, inspector)
                .expectStatus()
                .isOk()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();

        assertThat(retry.getId()).isEqualTo(first.getId());
        assertThat(countReports()).isEqualTo(1);
    }

    @Test
    void theSameClientIdWithOtherContentIsRefused() {
        var submission = Submission.sound();
        submission.post(http, patrol).expectStatus().isCreated();

        submission
                .description("Một nội dung khác")
                .post(http, patrol)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("clientReportId");
    }

    @Test
    void twentyParallelRetriesRecordOneReport() {
        var submission = Submission.sound();
        WebClient client = WebClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", patrol)
                .build();

        List<Integer> statuses = Flux.range(0, 20)
                .flatMap(
                        copy -> client.post()
                                .uri("/api/v1/reports")
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(submission.json())
                                .exchangeToMono(response -> response.releaseBody()
                                        .thenReturn(response.statusCode().value())),
                        20)
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(19);
        assertThat(countReports()).isEqualTo(1);
        assertThat(lastReferenceNumber()).isEqualTo(1);
    }

    @Test
    void aPointOutsideTheWardIsRefusedAndNothingIsStored() {
        Submission.sound()
                .at(21.0287, 105.8523)
                .post(http, patrol)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("location");

        assertThat(countReports()).isZero();
        assertThat(lastReferenceNumber()).isZero();
    }

    @Test
    void impossibleCoordinatesAreRefused() {
        Submission.sound()
                .at(91, 105.88)
                .post(http, patrol)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("location.lat");
    }

    @Test
    void anObservationInTheFutureOrTooOldIsRefused() {
        Submission.sound()
                .observedAt(Instant.now().plus(10, ChronoUnit.MINUTES))
                .post(http, patrol)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("observedAt");
        Submission.sound()
                .observedAt(Instant.now().minus(31, ChronoUnit.DAYS))
                .post(http, patrol)
                .expectStatus()
                .isEqualTo(422);
        // A phone clock a little ahead is normal.
        Submission.sound()
                .observedAt(Instant.now().plus(2, ChronoUnit.MINUTES))
                .post(http, patrol)
                .expectStatus()
                .isCreated();
    }

    @Test
    void unknownCategoriesAndSubtypesAreRefused() {
        Submission.sound()
                .category("NOISE", null)
                .post(http, patrol)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("category");
        Submission.sound()
                .category("SANITATION", "GOODS_DISPLAY")
                .post(http, patrol)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("subtype");
    }

    @Test
    void everyBrokenRuleIsListedAtOnce() {
        var everythingWrong = Submission.sound()
                .category("SANITATION", "GOODS_DISPLAY")
                .at(21.0287, 105.8523)
                .observedAt(Instant.now().plus(1, ChronoUnit.HOURS));

        everythingWrong
                .post(http, patrol)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors.length()")
                .isEqualTo(3);
    }

    @Test
    void textOverItsLimitIsRefused() {
        Submission.sound()
                .description("x".repeat(2001))
                .addressText("y".repeat(301))
                .post(http, patrol)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[*].field")
                .value(fields -> assertThat(fields.toString()).isEqualTo("[\"addressText\",\"description\"]"));
    }

    @Test
    void aVaguePositionIsFlagged() {
        Submission.sound()
                .accuracy(80)
                .post(http, patrol)
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.flags[0]")
                .isEqualTo("LOW_ACCURACY");
    }

    @Test
    void aMissingFieldOrMalformedBodyIsAProblem() {
        http.post()
                .uri("/api/v1/reports")
                .header("Authorization", patrol)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"category\": \"SANITATION\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(422);
        http.post()
                .uri("/api/v1/reports")
                .header("Authorization", patrol)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"clientReportId\": \"not-a-uuid\"")
                .exchange()
                .expectStatus()
                .isBadRequest();
        assertThat(countReports()).isZero();
    }

    @Test
    void onlyPatrolsSubmit() {
        String inspector = fixtures.bearer(fixtures.user(ward, "INSPECTOR"));
        String admin = fixtures.bearer(fixtures.user(ward, "WARD_ADMIN"));

        Submission.sound().post(http, inspector).expectStatus().isForbidden();
        Submission.sound().post(http, admin).expectStatus().isForbidden();
        http.post()
                .uri("/api/v1/reports")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Submission.sound().json())
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    private long countReports() {
        return database.sql("SELECT count(*) AS n FROM report WHERE ward_id = :ward")
                .bind("ward", ward)
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }

    private int lastReferenceNumber() {
        return database.sql(
                        "SELECT coalesce(max(last_number), 0) AS n FROM report_reference_counter WHERE ward_id = :ward")
                .bind("ward", ward)
                .map(row -> row.get("n", Integer.class))
                .one()
                .block();
    }
}
