package vn.urbanorder.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.api.model.ReportEventListDto;
import vn.urbanorder.api.model.ReportPageDto;
import vn.urbanorder.api.model.ReviewDto;
import vn.urbanorder.api.model.ReviewListDto;
import vn.urbanorder.demo.DemoMap;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.HostilePhotos;
import vn.urbanorder.testing.IntegrationTest;
import vn.urbanorder.testing.Resolutions;
import vn.urbanorder.testing.Submission;

/** Inspectors' reviews on the demo ward: what each verdict does, who may give one, and that none can be undone. */
@IntegrationTest
class ReviewsIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DatabaseClient database;

    @Autowired
    DemoMap demoMap;

    String patrol;
    String inspector;
    String admin;
    String staff;
    ReportDto report;

    @BeforeEach
    void aResolvedReport() {
        demoMap.ready().block();
        patrol = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "PATROL"));
        inspector = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "INSPECTOR"));
        admin = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "WARD_ADMIN"));
        report = Submission.sound().submitted(http, patrol);
        staff = fixtures.bearer(fixtures.user(
                Fixtures.DEMO_WARD, report.getAssignment().getUnit().getId(), "UNIT_STAFF"));
    }

    @Test
    void aDisputedResolutionGoesBackToTheUnitsQueue() {
        resolve();
        review(patrol, "{\"verdict\": \"DISPUTED\", \"comment\": \"x\"}")
                .expectStatus()
                .isForbidden();
        review(staff, "{\"verdict\": \"CONFIRMED\"}").expectStatus().isForbidden();
        review(admin, "{\"verdict\": \"CONFIRMED\"}").expectStatus().isForbidden();
        review(inspector, "{\"verdict\": \"DISPUTED\"}")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("comment");

        ReviewDto disputed = review(inspector, "{\"verdict\": \"DISPUTED\", \"comment\": \"Hàng vẫn bày trên vỉa hè\"}")
                .expectStatus()
                .isCreated()
                .expectBody(ReviewDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(disputed.getFromStatus().getValue()).isEqualTo("RESOLVED");
        assertThat(disputed.getToStatus().getValue()).isEqualTo("REOPENED");
        assertThat(disputed.getReviewer().getDisplayName()).isNotBlank();

        ReportDto reopened = get(admin);
        assertThat(reopened.getStatus().getValue()).isEqualTo("REOPENED");
        assertThat(reopened.getDueAt()).isAfter(report.getDueAt());
        ReportPageDto queue = http.get()
                .uri("/api/v1/reports?unitId=mine&status=ASSIGNED,IN_PROGRESS,REOPENED&limit=200")
                .header("Authorization", staff)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ReportPageDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(queue.getItems()).extracting(ReportDto::getId).contains(report.getId());

        ReportEventListDto events = http.get()
                .uri("/api/v1/reports/" + report.getId() + "/events")
                .header("Authorization", inspector)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ReportEventListDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(events.getItems()).extracting(event -> event.getType()).endsWith("REVIEW");
        verifies();
    }

    @Test
    void aConfirmedResolutionIsVerifiedAndAReviewMayCarryPhotos() {
        review(inspector, "{\"verdict\": \"CONFIRMED\"}").expectStatus().isEqualTo(409);
        resolve();
        UUID unit = report.getAssignment().getUnit().getId();
        assertThat(queue(inspector, "?unitId=" + unit).getItems())
                .extracting(ReportDto::getId)
                .contains(report.getId());
        assertThat(queue(
                                admin,
                                "?unitId=" + unit + "&zoneId="
                                        + report.getAssignment().getZone().getId())
                        .getItems())
                .extracting(ReportDto::getId)
                .contains(report.getId());
        http.get()
                .uri("/api/v1/review-queue")
                .header("Authorization", patrol)
                .exchange()
                .expectStatus()
                .isForbidden();
        http.get()
                .uri("/api/v1/review-queue")
                .header("Authorization", staff)
                .exchange()
                .expectStatus()
                .isForbidden();

        var body = new MultipartBodyBuilder();
        body.part(
                "review",
                "{\"verdict\": \"CONFIRMED\", \"comment\": \"Đã kiểm tra tại chỗ\"}",
                MediaType.APPLICATION_JSON);
        body.part("photos", Resolutions.photoAt(report)).contentType(MediaType.IMAGE_JPEG);
        ReviewDto confirmed = http.post()
                .uri("/api/v1/reports/" + report.getId() + "/reviews")
                .header("Authorization", inspector)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build()))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(ReviewDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(confirmed.getToStatus().getValue()).isEqualTo("VERIFIED");
        assertThat(confirmed.getPhotos()).hasSize(1);

        ReportDto verified = get(patrol);
        assertThat(verified.getStatus().getValue()).isEqualTo("VERIFIED");
        assertThat(verified.getPhotos())
                .filteredOn(photo ->
                        photo.getStage() != null && photo.getStage().getValue().equals("REVIEW"))
                .hasSize(1);
        review(inspector, "{\"verdict\": \"CONFIRMED\"}").expectStatus().isEqualTo(409);
        assertThat(queue(inspector, "?unitId=" + unit).getItems())
                .extracting(ReportDto::getId)
                .doesNotContain(report.getId());
        verifies();
    }

    @Test
    void reviewPhotosAreJudgedLikeTheReportsOwn() {
        resolve();

        for (byte[] page :
                java.util.List.of(HostilePhotos.htmlBehindJpegSignature(), HostilePhotos.htmlBehindHeicSignature())) {
            reviewWithPhoto(page).expectStatus().isEqualTo(415);
        }
        reviewWithPhoto(HostilePhotos.exifAmplification(10))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("photos[0]");
        reviewWithPhoto(HostilePhotos.pngDeclaring(100_000, 100_000))
                .expectStatus()
                .isEqualTo(422);

        assertThat(get(patrol).getStatus().getValue()).isEqualTo("RESOLVED");
    }

    private WebTestClient.ResponseSpec reviewWithPhoto(byte[] photo) {
        var body = new MultipartBodyBuilder();
        body.part("review", "{\"verdict\": \"CONFIRMED\"}", MediaType.APPLICATION_JSON);
        body.part("photos", new org.springframework.core.io.ByteArrayResource(photo) {
                    @Override
                    public String getFilename() {
                        return "anh.jpg";
                    }
                })
                .contentType(MediaType.IMAGE_JPEG);
        return http.post()
                .uri("/api/v1/reports/" + report.getId() + "/reviews")
                .header("Authorization", inspector)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build()))
                .exchange();
    }

    @Test
    void theQueueListsLongestWaitingFirstInPages() {
        resolve();
        ReportPageDto first = queue(inspector, "?limit=1");
        assertThat(first.getItems()).hasSize(1);
        if (first.getNextCursor() != null) {
            ReportPageDto second = queue(inspector, "?limit=1&cursor=" + first.getNextCursor());
            assertThat(second.getItems())
                    .extracting(ReportDto::getId)
                    .doesNotContainAnyElementsOf(
                            first.getItems().stream().map(ReportDto::getId).toList());
        }
        http.get()
                .uri("/api/v1/review-queue?cursor=bm9wZQ")
                .header("Authorization", inspector)
                .exchange()
                .expectStatus()
                .isEqualTo(422);
    }

    private ReportPageDto queue(String caller, String query) {
        return http.get()
                .uri("/api/v1/review-queue" + query)
                .header("Authorization", caller)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ReportPageDto.class)
                .returnResult()
                .getResponseBody();
    }

    @Test
    void aFollowUpFlagsTheReportInAnyStatusAndReviewsCannotBeChanged() {
        ReviewDto followUp = review(inspector, "{\"verdict\": \"FOLLOW_UP\", \"comment\": \"Cần phường xem lại\"}")
                .expectStatus()
                .isCreated()
                .expectBody(ReviewDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(followUp.getFromStatus().getValue()).isEqualTo("ASSIGNED");
        assertThat(followUp.getToStatus().getValue()).isEqualTo("ASSIGNED");
        assertThat(get(admin).getFlags()).extracting(Enum::name).contains("FOLLOW_UP");
        ReportPageDto flagged = http.get()
                .uri("/api/v1/reports?flag=FOLLOW_UP&limit=200")
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ReportPageDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(flagged.getItems()).extracting(ReportDto::getId).contains(report.getId());
        assertThat(flagged.getItems())
                .allSatisfy(item ->
                        assertThat(item.getFlags()).extracting(Enum::name).contains("FOLLOW_UP"));

        // On a duplicate, a follow-up keeps what it duplicates.
        ReportDto duplicate = Submission.sound()
                .at(report.getLocation().getLat(), report.getLocation().getLon())
                .observedAt(Instant.now().minusSeconds(60))
                .submitted(http, patrol);
        assertThat(duplicate.getStatus().getValue()).isEqualTo("DUPLICATE");
        http.post()
                .uri("/api/v1/reports/" + duplicate.getId() + "/reviews")
                .header("Authorization", inspector)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"verdict\": \"FOLLOW_UP\", \"comment\": \"Trùng, cần gộp hồ sơ\"}")
                .exchange()
                .expectStatus()
                .isCreated();
        ReportDto stillDuplicate = http.get()
                .uri("/api/v1/reports/" + duplicate.getId())
                .header("Authorization", admin)
                .exchange()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(stillDuplicate.getStatus().getValue()).isEqualTo("DUPLICATE");
        assertThat(stillDuplicate.getDuplicateOf()).isEqualTo(report.getId());

        ReviewListDto listed = http.get()
                .uri("/api/v1/reports/" + report.getId() + "/reviews")
                .header("Authorization", staff)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ReviewListDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(listed.getItems()).extracting(ReviewDto::getId).containsExactly(followUp.getId());

        assertThatThrownBy(() -> database.sql("UPDATE review SET verdict = 'CONFIRMED' WHERE id = :id")
                        .bind("id", followUp.getId())
                        .then()
                        .block())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> database.sql("DELETE FROM review WHERE id = :id")
                        .bind("id", followUp.getId())
                        .then()
                        .block())
                .hasMessageContaining("append-only");

        String stranger = fixtures.bearer(fixtures.user(fixtures.ward(), "INSPECTOR"));
        review(stranger, "{\"verdict\": \"FOLLOW_UP\", \"comment\": \"x\"}")
                .expectStatus()
                .isNotFound();
        http.get()
                .uri("/api/v1/reports/" + report.getId() + "/reviews")
                .header("Authorization", stranger)
                .exchange()
                .expectStatus()
                .isNotFound();
        // Inspectors read, but do not handle.
        http.post()
                .uri("/api/v1/reports/" + report.getId() + "/actions")
                .header("Authorization", inspector)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"action\": \"ACCEPT\", \"expectedVersion\": 2}")
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    private void resolve() {
        Resolutions.acceptAndResolve(http, staff, report);
    }

    private WebTestClient.ResponseSpec review(String caller, String body) {
        return http.post()
                .uri("/api/v1/reports/" + report.getId() + "/reviews")
                .header("Authorization", caller)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private ReportDto get(String caller) {
        return http.get()
                .uri("/api/v1/reports/" + report.getId())
                .header("Authorization", caller)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();
    }

    private void verifies() {
        http.get()
                .uri("/api/v1/reports/" + report.getId() + "/events/verify")
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.intact")
                .isEqualTo(true);
    }
}
