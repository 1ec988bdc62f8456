package vn.urbanorder.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.DeadlinePolicyDto;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.api.model.ReportPageDto;
import vn.urbanorder.demo.DemoMap;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;
import vn.urbanorder.testing.Submission;

/** Deadlines set at assignment from the ward's policy, and overdue reports. */
@IntegrationTest
class DeadlinesIntegrationTests {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DatabaseClient database;

    @Autowired
    DemoMap demoMap;

    @Test
    void anAssignedReportIsDueAfterItsCategorysHoursOnTheWorkingCalendar() {
        demoMap.ready().block();
        String patrol = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "PATROL"));
        ReportDto report = submit(patrol, "SANITATION", "LITTERING");

        assertThat(report.getStatus().getValue()).isEqualTo("ASSIGNED");
        Instant received = report.getReceivedAt().toInstant();
        // The demo ward's holidays are all in 2026 before today's reports fall due: none lie ahead.
        Instant expected = new WorkingCalendar(HANOI, Set.of(), false).due(received, Duration.ofHours(24));
        assertThat(report.getDueAt().toInstant()).isCloseTo(expected, within());
        assertThat(report.getOverdue()).isFalse();
    }

    @Test
    void aWardAdminSetsHoursCalendarAndHolidaysAndOthersOnlyReadThem() {
        UUID ward = fixtures.ward();
        String admin = fixtures.bearer(fixtures.user(ward, "WARD_ADMIN"));
        String patrol = fixtures.bearer(fixtures.user(ward, "PATROL"));

        DeadlinePolicyDto defaults = get(patrol);
        assertThat(defaults.getCalendar().getValue()).isEqualTo("WORKING_DAYS");
        assertThat(defaults.getHours())
                .containsEntry("SANITATION", 24)
                .containsEntry("SIDEWALK_ENCROACHMENT", 48)
                .containsEntry("CONSTRUCTION", 120);

        String policy = """
                {"calendar": "CALENDAR_HOURS", "hours": {"SANITATION": 12},
                 "holidays": [{"day": "2027-02-08", "name": "Tết Nguyên đán"}]}""";
        put(patrol, policy).expectStatus().isForbidden();
        DeadlinePolicyDto stored = put(admin, policy)
                .expectStatus()
                .isOk()
                .expectBody(DeadlinePolicyDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(stored.getCalendar().getValue()).isEqualTo("CALENDAR_HOURS");
        assertThat(stored.getHours()).containsEntry("SANITATION", 12).containsEntry("CONSTRUCTION", 120);
        assertThat(stored.getHolidays())
                .extracting(holiday -> holiday.getName())
                .containsExactly("Tết Nguyên đán");
        assertThat(get(patrol).getHours()).containsEntry("SANITATION", 12);

        put(admin, """
                        {"calendar": "WORKING_DAYS", "hours": {"NOISE": 5, "SANITATION": 0},
                         "holidays": [{"day": "2027-02-08", "name": "Tết"}, {"day": "2027-02-08", "name": " "}]}""")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'hours.NOISE')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'hours.SANITATION')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'holidays[1].day')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'holidays[1].name')]")
                .exists();
        assertThat(get(admin).getCalendar().getValue()).isEqualTo("CALENDAR_HOURS");
    }

    @Test
    void aReportPastItsDeadlineIsOverdueAndListedAsSuch() {
        demoMap.ready().block();
        String patrol = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "PATROL"));
        String inspector = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "INSPECTOR"));
        ReportDto late = submit(patrol, "SANITATION", "LITTERING");
        ReportDto onTime = submit(patrol, "SANITATION", "LITTERING");
        database.sql("UPDATE report SET due_at = now() - interval '1 hour' WHERE id = :id")
                .bind("id", late.getId())
                .then()
                .block();

        ReportDto reread = http.get()
                .uri("/api/v1/reports/" + late.getId())
                .header("Authorization", inspector)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(reread.getOverdue()).isTrue();

        ReportPageDto overdue = http.get()
                .uri("/api/v1/reports?overdue=true&limit=200&from="
                        + Instant.now().minus(1, ChronoUnit.HOURS))
                .header("Authorization", inspector)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ReportPageDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(overdue.getItems())
                .extracting(ReportDto::getId)
                .contains(late.getId())
                .doesNotContain(onTime.getId());
        assertThat(overdue.getItems())
                .allSatisfy(item -> assertThat(item.getOverdue()).isTrue());
    }

    private ReportDto submit(String patrol, String category, String subtype) {
        // Tổ dân phố 9 of the demo map, apart from every other test report.
        return Submission.sound()
                .category(category, subtype)
                .inTdp09()
                .observedAt(Instant.now().minus(1, ChronoUnit.MINUTES))
                .submitted(http, patrol);
    }

    private DeadlinePolicyDto get(String caller) {
        return http.get()
                .uri("/api/v1/deadline-policy")
                .header("Authorization", caller)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(DeadlinePolicyDto.class)
                .returnResult()
                .getResponseBody();
    }

    private WebTestClient.ResponseSpec put(String caller, String policy) {
        return http.put()
                .uri("/api/v1/deadline-policy")
                .header("Authorization", caller)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(policy)
                .exchange();
    }

    private static org.assertj.core.data.TemporalUnitOffset within() {
        return new org.assertj.core.data.TemporalUnitWithinOffset(1, ChronoUnit.MILLIS);
    }
}
