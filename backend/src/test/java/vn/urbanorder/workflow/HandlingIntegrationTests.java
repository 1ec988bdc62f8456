package vn.urbanorder.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.api.model.ReportEventListDto;
import vn.urbanorder.api.model.ReportPageDto;
import vn.urbanorder.demo.DemoMap;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.HostilePhotos;
import vn.urbanorder.testing.IntegrationTest;
import vn.urbanorder.testing.Submission;
import vn.urbanorder.testing.TestPhotos;

/** The handling workflow on the demo ward: who may do what, when, and at which version. */
@IntegrationTest
class HandlingIntegrationTests {

    static final UUID VSMT = UUID.fromString("a1000000-0000-4000-8000-000000000203");
    static final UUID TTDT = UUID.fromString("a1000000-0000-4000-8000-000000000201");

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DatabaseClient database;

    @Autowired
    DemoMap demoMap;

    @LocalServerPort
    int port;

    String patrol;
    String staff;
    String otherUnitStaff;
    String admin;
    String inspector;
    ReportDto report;

    @BeforeEach
    void aSanitationReportWithTheSanitationTeam() {
        demoMap.ready().block();
        patrol = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "PATROL"));
        staff = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, VSMT, "UNIT_STAFF"));
        otherUnitStaff = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, TTDT, "UNIT_STAFF"));
        admin = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "WARD_ADMIN"));
        inspector = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "INSPECTOR"));
        report = sanitationInTdp09().submitted(http, patrol);
        assertThat(report.getAssignment().getUnit()).as("%s", report).isNotNull();
        assertThat(report.getAssignment().getUnit().getId()).isEqualTo(VSMT);
    }

    @Test
    void theUnitAcceptsWithIfMatchAndTheTrailRecordsIt() {
        ReportDto seen = get(staff);
        assertThat(seen.getAllowedActions()).extracting(Object::toString).containsExactly("ACCEPT");

        ReportDto accepted = act(staff, "{\"action\": \"ACCEPT\"}", "\"" + seen.getVersion() + "\"")
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("ETag", "\"" + (seen.getVersion() + 1) + "\"")
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(accepted.getStatus().getValue()).isEqualTo("IN_PROGRESS");
        assertThat(accepted.getVersion()).isEqualTo(seen.getVersion() + 1);
        assertThat(accepted.getAllowedActions()).extracting(Object::toString).containsExactly("RESOLVE");

        ReportEventListDto events = events();
        var accept = events.getItems().get(events.getItems().size() - 1);
        assertThat(accept.getType()).isEqualTo("ACCEPT");
        assertThat(accept.getFromStatus()).isEqualTo("ASSIGNED");
        assertThat(accept.getToStatus()).isEqualTo("IN_PROGRESS");
        assertThat(accept.getActor()).isNotNull();
        verifies();
    }

    @Test
    void anActionTheStatusDoesNotAllowIsAConflictListingWhatIs() {
        act(staff, "{\"action\": \"RESOLVE\", \"note\": \"Đã dọn\", \"expectedVersion\": 1}", null)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.allowedActions[0]")
                .isEqualTo("ACCEPT");
    }

    @Test
    void theWrongRoleOrUnitIsForbidden() {
        String accept = "{\"action\": \"ACCEPT\", \"expectedVersion\": 1}";
        act(patrol, accept, null).expectStatus().isForbidden();
        act(inspector, accept, null).expectStatus().isForbidden();
        act(otherUnitStaff, accept, null).expectStatus().isForbidden();
        act(admin, accept, null).expectStatus().isForbidden();
        act(
                        staff,
                        "{\"action\": \"REASSIGN\", \"unitId\": \"" + TTDT
                                + "\", \"note\": \"x\", \"expectedVersion\": 1}",
                        null)
                .expectStatus()
                .isForbidden();
        for (String notAnAdmin : List.of(staff, inspector, patrol)) {
            for (String action : List.of("VERIFY", "REOPEN", "REJECT", "REASSIGN")) {
                act(notAnAdmin, "{\"action\": \"" + action + "\", \"expectedVersion\": 1}", null)
                        .expectStatus()
                        .isForbidden();
            }
        }
        String stranger = fixtures.bearer(fixtures.user(fixtures.ward(), "WARD_ADMIN"));
        act(stranger, "{\"action\": \"REJECT\", \"reason\": \"OTHER\", \"note\": \"x\", \"expectedVersion\": 1}", null)
                .expectStatus()
                .isNotFound();
        assertThat(get(admin).getStatus().getValue()).isEqualTo("ASSIGNED");
    }

    @Test
    void aChangeMustNameTheVersionItChanges() {
        act(staff, "{\"action\": \"ACCEPT\"}", null).expectStatus().isEqualTo(428);
        act(staff, "{\"action\": \"ACCEPT\"}", "\"7\"").expectStatus().isEqualTo(412);
        act(staff, "{\"action\": \"ACCEPT\"}", "not-a-version").expectStatus().isEqualTo(412);
        act(staff, "{\"action\": \"ACCEPT\", \"expectedVersion\": 7}", null)
                .expectStatus()
                .isEqualTo(409);
        assertThat(get(admin).getStatus().getValue()).isEqualTo("ASSIGNED");
        // Who may not act, or may not act now, hears that first, version or not.
        act(patrol, "{\"action\": \"ACCEPT\"}", null).expectStatus().isForbidden();
        act(staff, "{\"action\": \"RESOLVE\", \"note\": \"x\"}", null)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.allowedActions[0]")
                .isEqualTo("ACCEPT");
    }

    @Test
    void theAdminReassignsWithAReasonAndTheDeadlineStartsAgain() {
        act(admin, "{\"action\": \"REASSIGN\", \"expectedVersion\": 1}", null)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'note')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'unitId')]")
                .exists();
        act(
                        admin,
                        "{\"action\": \"REASSIGN\", \"unitId\": \"" + UUID.randomUUID()
                                + "\", \"note\": \"Sai đơn vị\", \"expectedVersion\": 1}",
                        null)
                .expectStatus()
                .isEqualTo(422);

        ReportDto moved = act(
                        admin,
                        "{\"action\": \"REASSIGN\", \"unitId\": \"" + TTDT
                                + "\", \"note\": \"Lấn chiếm, không phải rác\", \"expectedVersion\": 1}",
                        null)
                .expectStatus()
                .isOk()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(moved.getStatus().getValue()).isEqualTo("ASSIGNED");
        assertThat(moved.getAssignment().getUnit().getId()).isEqualTo(TTDT);
        assertThat(moved.getAssignment().getRule().getValue()).isEqualTo("MANUAL");
        assertThat(moved.getDueAt()).isAfterOrEqualTo(report.getDueAt());

        // The sanitation team no longer sees it; the urban-order team does.
        http.get()
                .uri("/api/v1/reports/" + report.getId())
                .header("Authorization", staff)
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(get(otherUnitStaff).getAllowedActions())
                .extracting(Object::toString)
                .containsExactly("ACCEPT");
        verifies();
    }

    @Test
    void rejectingNeedsAReasonAndADuplicateNamesItsOriginal() {
        act(
                        admin,
                        "{\"action\": \"REJECT\", \"reason\": \"DUPLICATE\", \"note\": \"Trùng\", \"expectedVersion\": 1}",
                        null)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("duplicateOf");
        act(admin, "{\"action\": \"REJECT\", \"reason\": \"NOT_A_VIOLATION\", \"expectedVersion\": 1}", null)
                .expectStatus()
                .isEqualTo(422);
        act(
                        admin,
                        "{\"action\": \"REJECT\", \"reason\": \"DUPLICATE\", \"note\": \"Trùng\", \"duplicateOf\": \""
                                + UUID.randomUUID() + "\", \"expectedVersion\": 1}",
                        null)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("duplicateOf");

        ReportDto rejected = act(
                        admin,
                        "{\"action\": \"REJECT\", \"reason\": \"NOT_A_VIOLATION\","
                                + " \"note\": \"Hàng hoá để trong nhà\", \"expectedVersion\": 1}",
                        null)
                .expectStatus()
                .isOk()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(rejected.getStatus().getValue()).isEqualTo("REJECTED");
        assertThat(rejected.getAllowedActions()).isEmpty();
    }

    @Test
    void theAdminVerifiesOrReopensAResolvedReportAndTheUnitTakesItUpAgain() {
        // Resolving with after-photos comes with the multipart action; here the report is put there directly.
        database.sql("UPDATE report SET status = 'RESOLVED', version = 3 WHERE id = :id")
                .bind("id", report.getId())
                .then()
                .block();
        assertThat(get(admin).getAllowedActions())
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("VERIFY", "REOPEN");

        ReportDto verified = act(admin, "{\"action\": \"VERIFY\"}", "\"3\"")
                .expectStatus()
                .isOk()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(verified.getStatus().getValue()).isEqualTo("VERIFIED");

        ReportDto reopened = act(admin, "{\"action\": \"REOPEN\", \"note\": \"Rác lại bị đổ\"}", "\"4\"")
                .expectStatus()
                .isOk()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(reopened.getStatus().getValue()).isEqualTo("REOPENED");
        assertThat(reopened.getDueAt()).isAfter(report.getDueAt());
        assertThat(get(staff).getAllowedActions()).extracting(Object::toString).containsExactly("ACCEPT");
        act(staff, "{\"action\": \"ACCEPT\"}", "\"5\"").expectStatus().isOk();
    }

    /** The ones too late learn it as a stale version: 409 for {@code expectedVersion}, 412 for {@code If-Match}. */
    @ParameterizedTest
    @CsvSource({"expectedVersion, 409", "If-Match, 412"})
    void fiftyParallelAcceptsGiveOneSuccessAndOneEvent(String versionIn, int tooLate) {
        WebClient client = WebClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", staff)
                .build();
        boolean inHeader = versionIn.equals("If-Match");

        List<Integer> statuses = Flux.range(0, 50)
                .flatMap(
                        attempt -> client.post()
                                .uri("/api/v1/reports/" + report.getId() + "/actions")
                                .headers(headers -> {
                                    if (inHeader) {
                                        headers.setIfMatch("\"1\"");
                                    }
                                })
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(
                                        inHeader
                                                ? "{\"action\": \"ACCEPT\"}"
                                                : "{\"action\": \"ACCEPT\", \"expectedVersion\": 1}")
                                .exchangeToMono(response -> response.releaseBody()
                                        .thenReturn(response.statusCode().value())),
                        50)
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == tooLate).hasSize(49);
        assertThat(events().getItems())
                .filteredOn(event -> event.getType().equals("ACCEPT"))
                .hasSize(1);
        verifies();
    }

    @Test
    void theUnitsWorkQueueListsItsOpenWorkSoonestDeadlineFirst() {
        ReportDto later = sanitationInTdp09().submitted(http, patrol);
        ReportDto done = sanitationInTdp09().submitted(http, patrol);
        // The demo ward's queue holds the demo reports and other tests' too: give ours the earliest deadlines.
        database.sql("UPDATE report SET due_at = '2000-01-01T08:00:00Z' WHERE id = :id")
                .bind("id", report.getId())
                .then()
                .block();
        database.sql("UPDATE report SET due_at = '2000-01-02T08:00:00Z' WHERE id = :id")
                .bind("id", later.getId())
                .then()
                .block();
        database.sql("UPDATE report SET status = 'RESOLVED', due_at = '1999-12-31T08:00:00Z' WHERE id = :id")
                .bind("id", done.getId())
                .then()
                .block();

        String queue = "/api/v1/reports?unitId=mine&status=ASSIGNED,IN_PROGRESS,REOPENED&sort=dueAt&limit=1";
        ReportPageDto first = page(staff, queue);
        assertThat(first.getItems()).extracting(ReportDto::getId).containsExactly(report.getId());
        ReportPageDto second = page(staff, queue + "&cursor=" + first.getNextCursor());
        assertThat(second.getItems()).extracting(ReportDto::getId).containsExactly(later.getId());

        http.get()
                .uri("/api/v1/reports?unitId=mine")
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isEqualTo(422);
        String byObservation = page(staff, "/api/v1/reports?limit=1").getNextCursor();
        http.get()
                .uri(queue + "&cursor=" + byObservation)
                .header("Authorization", staff)
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("cursor");
        http.get()
                .uri("/api/v1/reports?sort=priority")
                .header("Authorization", staff)
                .exchange()
                .expectStatus()
                .isEqualTo(422);
    }

    private ReportPageDto page(String caller, String uri) {
        return http.get()
                .uri(uri)
                .header("Authorization", caller)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ReportPageDto.class)
                .returnResult()
                .getResponseBody();
    }

    @Test
    void theUnitResolvesWithAnAfterPhotoAndTheAdminVerifies() {
        act(staff, "{\"action\": \"ACCEPT\"}", "\"1\"").expectStatus().isOk();

        // JSON cannot carry photos; a photo taken 300 m away is refused; neither changes anything.
        act(staff, "{\"action\": \"RESOLVE\", \"note\": \"Đã dọn sạch\"}", "\"2\"")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("photos");
        resolve(
                        "\"2\"",
                        "Đã dọn sạch",
                        TestPhotos.jpegTakenAt(
                                report.getLocation().getLat() + 0.0027,
                                report.getLocation().getLon()))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("photos[0]");
        resolve("\"2\"", " ", TestPhotos.jpeg(64, 48)).expectStatus().isEqualTo(422);

        ReportDto resolved = resolve(
                        "\"2\"",
                        "Đã dọn sạch, nhắc hộ kinh doanh",
                        TestPhotos.jpegTakenAt(
                                report.getLocation().getLat() + 0.0001,
                                report.getLocation().getLon()))
                .expectStatus()
                .isOk()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(resolved.getStatus().getValue()).isEqualTo("RESOLVED");
        assertThat(resolved.getPhotos())
                .filteredOn(photo ->
                        photo.getStage() != null && photo.getStage().getValue().equals("RESOLUTION"))
                .hasSize(1);

        ReportDto verified = act(admin, "{\"action\": \"VERIFY\"}", "\"3\"")
                .expectStatus()
                .isOk()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(verified.getStatus().getValue()).isEqualTo("VERIFIED");
        assertThat(events().getItems())
                .extracting(event -> event.getType())
                .containsExactly("SUBMITTED", "ASSIGNED", "ACCEPT", "RESOLVE", "VERIFY");
        verifies();
    }

    @Test
    void afterPhotosAreJudgedLikeTheReportsOwn() {
        act(staff, "{\"action\": \"ACCEPT\"}", "\"1\"").expectStatus().isOk();

        resolve("\"2\"", "Đã dọn sạch", HostilePhotos.exifAmplification(10))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("photos[0]");
        resolve("\"2\"", "Đã dọn sạch", HostilePhotos.htmlBehindWebpSignature())
                .expectStatus()
                .isEqualTo(415);
        resolve("\"2\"", "Đã dọn sạch", HostilePhotos.jpegDeclaring(65535, 65535))
                .expectStatus()
                .isEqualTo(422);

        assertThat(events().getItems()).extracting(event -> event.getType()).doesNotContain("RESOLVE");
    }

    private WebTestClient.ResponseSpec resolve(String ifMatch, String note, byte[] photo) {
        var body = new MultipartBodyBuilder();
        body.part("action", "{\"action\": \"RESOLVE\", \"note\": \"" + note + "\"}", MediaType.APPLICATION_JSON);
        body.part("photos", new ByteArrayResource(photo) {
                    @Override
                    public String getFilename() {
                        return "sau-xu-ly.jpg";
                    }
                })
                .contentType(MediaType.IMAGE_JPEG);
        return http.post()
                .uri("/api/v1/reports/" + report.getId() + "/actions")
                .header("Authorization", staff)
                .header("If-Match", ifMatch)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build()))
                .exchange();
    }

    private WebTestClient.ResponseSpec act(String caller, String body, String ifMatch) {
        var request = http.post()
                .uri("/api/v1/reports/" + report.getId() + "/actions")
                .header("Authorization", caller)
                .contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.bodyValue(body).exchange();
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

    private ReportEventListDto events() {
        return http.get()
                .uri("/api/v1/reports/" + report.getId() + "/events")
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ReportEventListDto.class)
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

    /** A sanitation report in tổ dân phố 9 of the demo map, away from every segment: it goes to VSMT. */
    private static Submission sanitationInTdp09() {
        return Submission.sound().category("SANITATION").inTdp09().description("Đổ rác ra vỉa hè");
    }
}
