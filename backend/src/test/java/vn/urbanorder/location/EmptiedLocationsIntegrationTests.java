package vn.urbanorder.location;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.urbanorder.location.ViolationLocationsIntegrationTests.metresFrom;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.PeriodStatisticsDto;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.api.model.ViolationLocationPageDto;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;
import vn.urbanorder.testing.Resolutions;
import vn.urbanorder.testing.Submission;

/**
 * A location whose only report was rejected as not a violation is empty, and an empty location is
 * no location: it is not shown, and a report near it goes where a rebuild would put it, so a rebuild
 * with the same radii changes no past figure. Each test has a ward of its own.
 */
@IntegrationTest
class EmptiedLocationsIntegrationTests {

    private static final String CATEGORY = "SIDEWALK_ENCROACHMENT";
    private static final ZoneId WARD_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DatabaseClient database;

    UUID ward;
    UUID unit;
    String patrol;
    String admin;
    String staff;
    double[] spot = {21.0470, 105.8850};

    @BeforeEach
    void aWardOfItsOwn() {
        ward = fixtures.ward();
        unit = fixtures.unit(ward);
        patrol = fixtures.bearer(fixtures.user(ward, "PATROL"));
        admin = fixtures.bearer(fixtures.user(ward, "WARD_ADMIN"));
        staff = fixtures.bearer(fixtures.user(ward, unit, "UNIT_STAFF"));
    }

    @Test
    void aLocationWhoseOnlyReportIsNotAViolationIsGoneAndANearbyReportStartsItsOwn() {
        ReportDto rejected = submit(spot, daysAgo(2));
        UUID emptied = rejected.getViolationLocation().getId();
        rejectAsNotAViolation(rejected);

        location(emptied).expectStatus().isNotFound();
        assertThat(list().getItems()).isEmpty();
        geojson().jsonPath("$.features.length()").isEqualTo(0);

        ReportDto near = submit(metresFrom(spot, 0, 15), daysAgo(1));
        assertThat(near.getViolationLocation().getId()).isEqualTo(near.getId());
        assertThat(near.getViolationLocation().getReportCount()).isEqualTo(1);
        assertThat(near.getStatus().getValue()).isNotEqualTo("DUPLICATE");
    }

    /**
     * A: a report 30 m east of the spot, cleared. E: a report at the spot, then rejected as not a
     * violation. Then two reports 12 m east of the spot (18 m from A): they belong to A, repeat
     * offences there, at intake as after a rebuild.
     */
    @Test
    void aRebuildWithTheSameRadiiChangesNoPastFigure() {
        LocalDate today = LocalDate.now(WARD_ZONE);
        ReportDto cleared = submit(metresFrom(spot, 0, 30), daysAgo(9));
        resolvedAt(cleared, daysAgo(9).plusSeconds(3600));
        UUID place = cleared.getViolationLocation().getId();

        ReportDto notAViolation = submit(spot, daysAgo(8));
        assertThat(notAViolation.getViolationLocation().getId()).isNotEqualTo(place);
        rejectAsNotAViolation(notAViolation);

        ReportDto back = submit(metresFrom(spot, 0, 12), daysAgo(7));
        assertThat(back.getViolationLocation().getId()).isEqualTo(place);
        assertThat(back.getFlags()).extracting(Enum::name).contains("REPEAT_OFFENCE");
        resolvedAt(back, daysAgo(7).plusSeconds(3600));
        ReportDto again = submit(metresFrom(spot, 2, 12), daysAgo(6));
        assertThat(again.getViolationLocation().getId()).isEqualTo(place);
        assertThat(again.getFlags()).extracting(Enum::name).contains("REPEAT_OFFENCE");

        String period = "from=" + today.minusDays(10) + "&to=" + today.minusDays(1);
        PeriodStatisticsDto before = stats(period);
        assertThat(before.getRepeatPoints().getActive()).isEqualTo(1);
        assertThat(before.getRepeatPoints().getTop())
                .extracting(point -> point.getLocationId(), point -> point.getReportsInPeriod())
                .containsExactly(org.assertj.core.api.Assertions.tuple(place, 3L));
        ViolationLocationPageDto locationsBefore = list();

        http.post()
                .uri("/api/v1/locations/rebuild")
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.reports")
                .isEqualTo(3)
                .jsonPath("$.locations")
                .isEqualTo(1);

        assertThat(stats(period))
                .usingRecursiveComparison()
                .ignoringFields("generatedAt")
                .isEqualTo(before);
        assertThat(list()).usingRecursiveComparison().isEqualTo(locationsBefore);
        assertThat(report(again).getViolationLocation().getId()).isEqualTo(place);
    }

    private ReportDto submit(double[] at, Instant observedAt) {
        return Submission.sound()
                .category(CATEGORY)
                .at(at)
                .observedAt(observedAt)
                .submitted(http, patrol);
    }

    /** Noon of a day some days back, in the ward's time. */
    private static Instant daysAgo(int days) {
        return LocalDate.now(WARD_ZONE)
                .minusDays(days)
                .atTime(LocalTime.NOON)
                .atZone(WARD_ZONE)
                .toInstant();
    }

    /**
     * Given to the ward's unit, taken on and resolved; then dated back to {@code at}, as if the unit
     * had cleared it that day (the service's clock is the real one, and a past period's repeat
     * offences need clearings in the past).
     */
    private void resolvedAt(ReportDto report, Instant at) {
        ReportDto assigned = act(
                        report, "{\"action\": \"REASSIGN\", \"unitId\": \"" + unit + "\", \"note\": \"Giao đơn vị\"}")
                .expectStatus()
                .isOk()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();
        Resolutions.acceptAndResolve(http, staff, assigned);
        database.sql("UPDATE report SET resolved_at = :at WHERE id = :id")
                .bind("at", at)
                .bind("id", report.getId())
                .then()
                .block();
    }

    private void rejectAsNotAViolation(ReportDto report) {
        ReportDto rejected = act(
                        report, "{\"action\": \"REJECT\", \"reason\": \"NOT_A_VIOLATION\", \"note\": \"Có phép\"}")
                .expectStatus()
                .isOk()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(rejected.getViolationLocation()).isNull();
    }

    private WebTestClient.ResponseSpec act(ReportDto report, String body) {
        return http.post()
                .uri("/api/v1/reports/" + report.getId() + "/actions")
                .header("Authorization", admin)
                .header("If-Match", "\"" + report(report).getVersion() + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private ReportDto report(ReportDto report) {
        return http.get()
                .uri("/api/v1/reports/" + report.getId())
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();
    }

    private PeriodStatisticsDto stats(String period) {
        return http.get()
                .uri("/api/v1/stats?" + period)
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(PeriodStatisticsDto.class)
                .returnResult()
                .getResponseBody();
    }

    private WebTestClient.ResponseSpec location(UUID id) {
        return http.get()
                .uri("/api/v1/locations/" + id)
                .header("Authorization", admin)
                .exchange();
    }

    private ViolationLocationPageDto list() {
        return http.get()
                .uri("/api/v1/locations")
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ViolationLocationPageDto.class)
                .returnResult()
                .getResponseBody();
    }

    private WebTestClient.BodyContentSpec geojson() {
        return http.get()
                .uri("/api/v1/locations.geojson")
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }
}
