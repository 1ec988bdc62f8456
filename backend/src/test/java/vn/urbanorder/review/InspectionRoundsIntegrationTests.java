package vn.urbanorder.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.InspectionRoundDetailDto;
import vn.urbanorder.api.model.InspectionRoundListDto;
import vn.urbanorder.api.model.RoundFindingDto;
import vn.urbanorder.demo.DemoMap;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;
import vn.urbanorder.testing.Submission;

/** Inspection rounds on the demo ward: who starts them, who submits on them, and what they count. */
@IntegrationTest
class InspectionRoundsIntegrationTests {

    private LocalDate today;

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DemoMap demoMap;

    String patrolName;
    String patrol;
    String inspectorName;
    String inspector;
    UUID patrolId;
    UUID inspectorId;

    @BeforeEach
    void membersOfTheWard() {
        demoMap.ready().block();
        today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        patrolName = fixtures.user(Fixtures.DEMO_WARD, "PATROL");
        inspectorName = fixtures.user(Fixtures.DEMO_WARD, "INSPECTOR");
        patrol = fixtures.bearer(patrolName);
        inspector = fixtures.bearer(inspectorName);
        patrolId = fixtures.signIn(patrolName).getUser().getId();
        inspectorId = fixtures.signIn(inspectorName).getUser().getId();
    }

    @Test
    void aRoundCountsTheReportsItsMembersFind() {
        InspectionRoundDetailDto round = create(inspector, today.minusDays(1), today.plusDays(1))
                .expectStatus()
                .isCreated()
                .expectBody(InspectionRoundDetailDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(round.getRound().getOpen()).isTrue();
        assertThat(round.getTotals().getReports()).isZero();
        UUID id = round.getRound().getId();

        submit(patrol, "SIDEWALK_ENCROACHMENT", "GOODS_DISPLAY", id)
                .expectStatus()
                .isCreated();
        submit(patrol, "SANITATION", "LITTERING", id).expectStatus().isCreated();
        submit(inspector, "SANITATION", "LITTERING", id).expectStatus().isCreated();

        InspectionRoundDetailDto counted = http.get()
                .uri("/api/v1/inspection-rounds/" + id)
                .header("Authorization", patrol)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(InspectionRoundDetailDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(counted.getTotals().getReports()).isEqualTo(3);
        assertThat(counted.getFound())
                .extracting(RoundFindingDto::getCategory, RoundFindingDto::getReports)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("SANITATION", 2L),
                        org.assertj.core.groups.Tuple.tuple("SIDEWALK_ENCROACHMENT", 1L));

        // The round's own reports, and only those, through the report list's filter.
        vn.urbanorder.api.model.ReportPageDto onRound = http.get()
                .uri("/api/v1/reports?inspectionRoundId=" + id)
                .header("Authorization", inspector)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(vn.urbanorder.api.model.ReportPageDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(onRound.getItems())
                .extracting(report -> report.getCategory())
                .containsExactlyInAnyOrder("SANITATION", "SANITATION", "SIDEWALK_ENCROACHMENT");

        InspectionRoundListDto listed = http.get()
                .uri("/api/v1/inspection-rounds")
                .header("Authorization", inspector)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(InspectionRoundListDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(listed.getItems()).extracting(r -> r.getId()).contains(id);

        String stranger = fixtures.bearer(fixtures.user(fixtures.ward(), "WARD_ADMIN"));
        http.get()
                .uri("/api/v1/inspection-rounds/" + id)
                .header("Authorization", stranger)
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void onlyMembersSubmitAndOnlyWhileTheRoundIsOpen() {
        UUID open = create(inspector, today.minusDays(1), today.plusDays(1))
                .expectStatus()
                .isCreated()
                .expectBody(InspectionRoundDetailDto.class)
                .returnResult()
                .getResponseBody()
                .getRound()
                .getId();
        String outsider = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "PATROL"));
        submit(outsider, "SANITATION", "LITTERING", open)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("inspectionRoundId");

        UUID over = create(inspector, today.minusDays(10), today.minusDays(1))
                .expectStatus()
                .isCreated()
                .expectBody(InspectionRoundDetailDto.class)
                .returnResult()
                .getResponseBody()
                .getRound()
                .getId();
        submit(patrol, "SANITATION", "LITTERING", over)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("inspectionRoundId");
        submit(patrol, "SANITATION", "LITTERING", UUID.randomUUID())
                .expectStatus()
                .isEqualTo(422);
        // Observed on the round's days, delivered after it ended (the phone was offline): it counts.
        submit(patrol, "SANITATION", "LITTERING", over, Instant.now().minus(java.time.Duration.ofDays(2)))
                .expectStatus()
                .isCreated();
        // Inspectors report only on a round.
        submit(inspector, "SANITATION", "LITTERING", null).expectStatus().isForbidden();
    }

    @Test
    void inspectorsAndAdminsStartRoundsThatMakeSense() {
        create(patrol, today, today).expectStatus().isForbidden();
        String admin = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "WARD_ADMIN"));
        create(admin, today, today).expectStatus().isCreated();
        String staff = fixtures.bearer(fixtures.user(
                Fixtures.DEMO_WARD, UUID.fromString("a1000000-0000-4000-8000-000000000203"), "UNIT_STAFF"));
        http.post()
                .uri("/api/v1/inspection-rounds")
                .header("Authorization", inspector)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"title": " ", "startedOn": "%s", "endedOn": "%s", "zoneCodes": ["TDP99"],
                         "memberIds": ["%s"]}""".formatted(today, today.minusDays(1), UUID.randomUUID()))
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'title')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'endedOn')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'zoneCodes[0]')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'memberIds[0]')]")
                .exists();
        create(staff, today, today).expectStatus().isForbidden();
    }

    private WebTestClient.ResponseSpec create(String caller, LocalDate from, LocalDate to) {
        return http.post()
                .uri("/api/v1/inspection-rounds")
                .header("Authorization", caller)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"title": "Kiểm tra vỉa hè", "startedOn": "%s", "endedOn": "%s", "zoneCodes": ["TDP09", "NS"],
                         "memberIds": ["%s", "%s"], "notes": "Cùng tổ trưởng tổ dân phố"}""".formatted(from, to, patrolId, inspectorId))
                .exchange();
    }

    /** A report observed a few minutes ago, but never before the start of {@link #today} in the ward. */
    private WebTestClient.ResponseSpec submit(String caller, String category, String subtype, UUID round) {
        Instant observed = Instant.now().minusSeconds(300);
        Instant midnight = today.atStartOfDay(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();
        return submit(caller, category, subtype, round, observed.isBefore(midnight) ? midnight : observed);
    }

    private WebTestClient.ResponseSpec submit(
            String caller, String category, String subtype, UUID round, Instant observedAt) {
        return Submission.sound()
                .category(category, subtype)
                .observedAt(observedAt)
                .onRound(round)
                .post(http, caller);
    }
}
