package vn.urbanorder.location;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.api.model.ViolationLocationDto;
import vn.urbanorder.api.model.ViolationLocationPageDto;
import vn.urbanorder.api.model.ViolationLocationTimelineDto;
import vn.urbanorder.demo.DemoMap;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;
import vn.urbanorder.testing.Resolutions;
import vn.urbanorder.testing.Submission;

/**
 * Violation locations on the demo ward: duplicates while a report is open, repeat offences after
 * one was cleared, the radius's edge, categories and wards kept apart, and who may see and change
 * what. Each test works at its own spot, far from the others' and from other tests' reports.
 */
@IntegrationTest
class ViolationLocationsIntegrationTests {

    private static final double METRES_PER_DEGREE = 6_371_008.8 * Math.PI / 180;
    /** Spots 90 m apart in the north-east of the demo ward, one per test. */
    private static final AtomicInteger SPOTS = new AtomicInteger();

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DatabaseClient database;

    @Autowired
    DemoMap demoMap;

    String patrol;
    String admin;
    double[] spot;

    @BeforeEach
    void aSpotOfItsOwn() {
        demoMap.ready().block();
        patrol = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "PATROL"));
        admin = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "WARD_ADMIN"));
        int index = SPOTS.getAndIncrement();
        spot = new double[] {21.0458 + (index / 2) * 0.0008, 105.8897 + (index % 2) * 0.0015};
    }

    @Test
    void aSecondReportWhileTheFirstIsOpenIsItsDuplicateAndOneAfterItWasClearedIsARepeat() {
        Instant earlier = Instant.now().minus(2, ChronoUnit.HOURS);
        ReportDto a = submit(patrol, "SIDEWALK_ENCROACHMENT", spot, earlier);
        assertThat(a.getStatus().getValue()).isEqualTo("ASSIGNED");
        assertThat(a.getViolationLocation().getReportCount()).isEqualTo(1);
        assertThat(a.getViolationLocation().getRepeat()).isFalse();

        ReportDto b = submit(patrol, "SIDEWALK_ENCROACHMENT", metresFrom(spot, 10, 0), earlier.plusSeconds(600));
        assertThat(b.getStatus().getValue()).isEqualTo("DUPLICATE");
        assertThat(b.getDuplicateOf()).isEqualTo(a.getId());
        assertThat(b.getDueAt()).isNull();
        assertThat(b.getAssignment().getUnit()).isNull();
        assertThat(b.getViolationLocation().getId())
                .isEqualTo(a.getViolationLocation().getId());
        assertThat(b.getViolationLocation().getReportCount()).isEqualTo(2);

        resolve(a);

        ReportDto c = submit(patrol, "SIDEWALK_ENCROACHMENT", metresFrom(spot, 0, 15), Instant.now());
        assertThat(c.getStatus().getValue()).isEqualTo("ASSIGNED");
        assertThat(c.getFlags()).extracting(Enum::name).contains("REPEAT_OFFENCE");
        assertThat(c.getViolationLocation().getId())
                .isEqualTo(a.getViolationLocation().getId());
        assertThat(c.getViolationLocation().getRepeat()).isTrue();
        assertThat(c.getViolationLocation().getRepeatCount()).isEqualTo(1);

        // 60 m away: a place of its own, and with the full deadline, later than the repeat's.
        ReportDto d = submit(patrol, "SIDEWALK_ENCROACHMENT", metresFrom(spot, 60, 0), Instant.now());
        assertThat(d.getViolationLocation().getId())
                .isNotEqualTo(a.getViolationLocation().getId());
        assertThat(d.getFlags()).extracting(Enum::name).doesNotContain("REPEAT_OFFENCE");
        assertThat(c.getDueAt()).isBefore(d.getDueAt());

        // Another category at the very spot is another location.
        ReportDto e = submit(patrol, "SANITATION", spot, Instant.now());
        assertThat(e.getViolationLocation().getId())
                .isNotEqualTo(a.getViolationLocation().getId());
        assertThat(e.getStatus().getValue()).isEqualTo("ASSIGNED");

        ViolationLocationDto location =
                location(admin, a.getViolationLocation().getId()).getLocation();
        assertThat(location.getRepeat()).isTrue();
        assertThat(location.getRepeatCount()).isEqualTo(1);
        assertThat(location.getReportCount()).isEqualTo(3);
        assertThat(location.getFirstRepeatAt()).isNotNull();
        assertThat(location.getCategory()).isEqualTo("SIDEWALK_ENCROACHMENT");
        assertThat(location.getAnchor().getLat()).isEqualTo(spot[0]);
    }

    @Test
    void exactlyTheRadiusAwayJoinsAndAMetreFurtherDoesNot() {
        ReportDto first = submit(patrol, "CONSTRUCTION", spot, Instant.now());
        UUID place = first.getViolationLocation().getId();

        ReportDto atTheEdge = submit(patrol, "CONSTRUCTION", metresFrom(spot, 25, 0), Instant.now());
        assertThat(atTheEdge.getViolationLocation().getId()).isEqualTo(place);
        assertThat(atTheEdge.getStatus().getValue()).isEqualTo("DUPLICATE");

        ReportDto beyond = submit(patrol, "CONSTRUCTION", metresFrom(spot, -26, 0), Instant.now());
        assertThat(beyond.getViolationLocation().getId()).isNotEqualTo(place);
        assertThat(beyond.getStatus().getValue()).isEqualTo("ASSIGNED");
    }

    @Test
    void anotherWardAtTheSameSpotHasItsOwnLocation() {
        ReportDto ours = submit(patrol, "SANITATION", spot, Instant.now());
        UUID otherWard = fixtures.ward();
        String theirPatrol = fixtures.bearer(fixtures.user(otherWard, "PATROL"));
        String theirAdmin = fixtures.bearer(fixtures.user(otherWard, "WARD_ADMIN"));

        ReportDto theirs = submit(theirPatrol, "SANITATION", spot, Instant.now());
        assertThat(theirs.getStatus().getValue()).isEqualTo("UNASSIGNED");
        assertThat(theirs.getViolationLocation().getId())
                .isNotEqualTo(ours.getViolationLocation().getId());

        http.get()
                .uri("/api/v1/locations/" + ours.getViolationLocation().getId())
                .header("Authorization", theirAdmin)
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(list(theirAdmin, "").getItems())
                .extracting(ViolationLocationDto::getId)
                .containsExactly(theirs.getViolationLocation().getId());
    }

    @Test
    void theAdminUndoesADuplicateAndItGoesToAssignment() {
        ReportDto first =
                submit(patrol, "SIDEWALK_ENCROACHMENT", spot, Instant.now().minusSeconds(600));
        ReportDto second = submit(patrol, "SIDEWALK_ENCROACHMENT", metresFrom(spot, 5, 5), Instant.now());
        assertThat(second.getStatus().getValue()).isEqualTo("DUPLICATE");
        assertThat(second.getAllowedActions()).isEmpty();

        act(patrol, second, "{\"action\": \"UNDUPLICATE\"}").expectStatus().isForbidden();
        String inspector = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "INSPECTOR"));
        act(inspector, second, "{\"action\": \"UNDUPLICATE\"}").expectStatus().isForbidden();
        act(admin, first, "{\"action\": \"UNDUPLICATE\"}").expectStatus().isEqualTo(409);

        ReportDto undone = act(admin, second, "{\"action\": \"UNDUPLICATE\", \"note\": \"Hai hộ khác nhau\"}")
                .expectStatus()
                .isOk()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(undone.getStatus().getValue()).isEqualTo("ASSIGNED");
        assertThat(undone.getDuplicateOf()).isNull();
        assertThat(undone.getAssignment().getUnit()).isNotNull();
        assertThat(undone.getDueAt()).isNotNull();
        assertThat(undone.getViolationLocation().getId())
                .isEqualTo(first.getViolationLocation().getId());
        http.get()
                .uri("/api/v1/reports/" + second.getId() + "/events/verify")
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.intact")
                .isEqualTo(true)
                .jsonPath("$.events")
                .isEqualTo(3);
    }

    @Test
    void aReportRejectedAsNotAViolationCountsTowardNothing() {
        ReportDto first = submit(patrol, "CONSTRUCTION", spot, Instant.now().minusSeconds(600));
        ReportDto second = submit(patrol, "CONSTRUCTION", metresFrom(spot, 3, 0), Instant.now());
        UUID place = first.getViolationLocation().getId();
        assertThat(location(admin, place).getLocation().getReportCount()).isEqualTo(2);

        ReportDto rejected = act(
                        admin,
                        first,
                        "{\"action\": \"REJECT\", \"reason\": \"NOT_A_VIOLATION\", \"note\": \"Có giấy phép\"}")
                .expectStatus()
                .isOk()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(rejected.getViolationLocation()).isNull();
        ViolationLocationTimelineDto after = location(admin, place);
        assertThat(after.getLocation().getReportCount()).isEqualTo(1);
        assertThat(after.getReports()).extracting(ReportDto::getId).containsExactly(second.getId());
    }

    @Test
    void locationsAreListedFilteredPagedAndMappedAndTheTimelineShowsWhatTheReaderMaySee() {
        ReportDto a = submit(patrol, "SANITATION", spot, Instant.now().minusSeconds(3600));
        resolve(a);
        ReportDto repeat = submit(patrol, "SANITATION", metresFrom(spot, 8, 0), Instant.now());
        ReportDto elsewhere = submit(patrol, "SANITATION", metresFrom(spot, 0, 70), Instant.now());
        UUID place = a.getViolationLocation().getId();
        // Just this test's two places: other tests' spots lie 89 m and more away, their reports up to 60 m from them.
        String box = bbox(metresFrom(spot, -20, -30), metresFrom(spot, 20, 100));

        ViolationLocationPageDto repeats = list(admin, "repeat=true&category=SANITATION&bbox=" + box);
        assertThat(repeats.getItems()).extracting(ViolationLocationDto::getId).containsExactly(place);
        ViolationLocationPageDto others = list(admin, "repeat=false&category=SANITATION&bbox=" + box);
        assertThat(others.getItems())
                .extracting(ViolationLocationDto::getId)
                .containsExactly(elsewhere.getViolationLocation().getId());

        ViolationLocationPageDto first = list(admin, "sort=repeatCount&limit=1&category=SANITATION&bbox=" + box);
        assertThat(first.getItems()).extracting(ViolationLocationDto::getId).containsExactly(place);
        ViolationLocationPageDto second = list(
                admin, "sort=repeatCount&limit=1&category=SANITATION&bbox=" + box + "&cursor=" + first.getNextCursor());
        assertThat(second.getItems())
                .extracting(ViolationLocationDto::getId)
                .containsExactly(elsewhere.getViolationLocation().getId());
        assertThat(second.getNextCursor()).isNull();
        list(admin, "sort=lastSeenAt&cursor=" + first.getNextCursor(), 422);
        list(admin, "sort=sideways", 422);
        list(admin, "bbox=1,2,3", 422);

        assertThat(list(admin, "from=" + Instant.now().plusSeconds(3600) + "&bbox=" + box)
                        .getItems())
                .isEmpty();

        http.get()
                .uri("/api/v1/locations.geojson?repeat=true&bbox=" + box)
                .header("Authorization", patrol)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.parseMediaType("application/geo+json"))
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("FeatureCollection")
                .jsonPath("$.truncated")
                .isEqualTo(false)
                .jsonPath("$.features.length()")
                .isEqualTo(1)
                .jsonPath("$.features[0].id")
                .isEqualTo(place.toString())
                .jsonPath("$.features[0].geometry.coordinates[0]")
                .isEqualTo(spot[1])
                .jsonPath("$.features[0].properties.repeatCount")
                .isEqualTo(1);
        http.get()
                .uri("/api/v1/reports.geojson?category=SANITATION&limit=1&bbox=" + box)
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.truncated")
                .isEqualTo(true)
                .jsonPath("$.features.length()")
                .isEqualTo(1);
        http.get()
                .uri("/api/v1/reports.geojson?category=SANITATION&bbox=" + bboxAround(spot, 20))
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.features.length()")
                .isEqualTo(2)
                .jsonPath("$.features[0].id")
                .isEqualTo(repeat.getId().toString())
                .jsonPath("$.features[0].properties.flags[0]")
                .isEqualTo("REPEAT_OFFENCE")
                .jsonPath("$.features[0].properties.violationLocationId")
                .isEqualTo(place.toString());

        assertThat(location(admin, place).getReports())
                .extracting(ReportDto::getId)
                .containsExactly(repeat.getId(), a.getId());
        // Staff of another unit see the place, but none of its reports.
        String police = fixtures.bearer(fixtures.user(
                Fixtures.DEMO_WARD, UUID.fromString("a1000000-0000-4000-8000-000000000204"), "UNIT_STAFF"));
        ViolationLocationTimelineDto theirs = location(police, place);
        assertThat(theirs.getLocation().getReportCount()).isEqualTo(2);
        assertThat(theirs.getReports()).isEmpty();
        http.get().uri("/api/v1/locations").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void onlyTheWardAdminChangesTheRulesOrRebuilds() {
        http.put()
                .uri("/api/v1/location-policy")
                .header("Authorization", patrol)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        "{\"categories\": [{\"category\": \"SANITATION\", \"radiusM\": 30, \"repeatDeadlineFactor\": 0.5}]}")
                .exchange()
                .expectStatus()
                .isForbidden();
        http.post()
                .uri("/api/v1/locations/rebuild")
                .header("Authorization", patrol)
                .exchange()
                .expectStatus()
                .isForbidden();
        http.put()
                .uri("/api/v1/location-policy")
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"categories": [{"category": "SANITATION", "radiusM": 0, "repeatDeadlineFactor": 1.5},
                                        {"category": "NOISE", "radiusM": 30, "repeatDeadlineFactor": 0.5}]}""")
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'categories[0].radiusM')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'categories[0].repeatDeadlineFactor')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'categories[1].category')]")
                .exists();
        http.get()
                .uri("/api/v1/location-policy")
                .header("Authorization", patrol)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.categories.length()")
                .isEqualTo(3)
                .jsonPath("$.categories[?(@.category == 'SANITATION')].radiusM")
                .isEqualTo(25.0);
    }

    @Test
    void rebuildingFollowsANewRadiusAndAgainChangesNothing() {
        UUID ward = fixtures.ward();
        String wardPatrol = fixtures.bearer(fixtures.user(ward, "PATROL"));
        String wardAdmin = fixtures.bearer(fixtures.user(ward, "WARD_ADMIN"));
        submit(wardPatrol, "SANITATION", spot, Instant.now().minusSeconds(900));
        submit(wardPatrol, "SANITATION", metresFrom(spot, 40, 0), Instant.now().minusSeconds(600));
        submit(wardPatrol, "SANITATION", metresFrom(spot, 80, 0), Instant.now().minusSeconds(300));
        assertThat(list(wardAdmin, "").getItems()).hasSize(3);

        http.put()
                .uri("/api/v1/location-policy")
                .header("Authorization", wardAdmin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        "{\"categories\": [{\"category\": \"SANITATION\", \"radiusM\": 50, \"repeatDeadlineFactor\": 0.25}]}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.categories[?(@.category == 'SANITATION')].radiusM")
                .isEqualTo(50.0);

        rebuild(wardAdmin)
                .jsonPath("$.reports")
                .isEqualTo(3)
                .jsonPath("$.locations")
                .isEqualTo(2);
        var once = list(wardAdmin, "").getItems();
        assertThat(once).extracting(ViolationLocationDto::getReportCount).containsExactlyInAnyOrder(2, 1);
        rebuild(wardAdmin)
                .jsonPath("$.reports")
                .isEqualTo(3)
                .jsonPath("$.locations")
                .isEqualTo(2);
        assertThat(list(wardAdmin, "").getItems()).usingRecursiveComparison().isEqualTo(once);
    }

    private WebTestClient.BodyContentSpec rebuild(String caller) {
        return http.post()
                .uri("/api/v1/locations/rebuild")
                .header("Authorization", caller)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    /** The unit the report went to accepts it and resolves it with an after-photo taken there. */
    private void resolve(ReportDto report) {
        Resolutions.acceptAndResolve(
                http,
                fixtures.bearer(fixtures.user(
                        Fixtures.DEMO_WARD, report.getAssignment().getUnit().getId(), "UNIT_STAFF")),
                report);
    }

    /** The action at the report's current version. */
    private WebTestClient.ResponseSpec act(String caller, ReportDto report, String body) {
        ReportDto now = http.get()
                .uri("/api/v1/reports/" + report.getId())
                .header("Authorization", admin)
                .exchange()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();
        return http.post()
                .uri("/api/v1/reports/" + report.getId() + "/actions")
                .header("Authorization", caller)
                .header("If-Match", "\"" + now.getVersion() + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private ReportDto submit(String caller, String category, double[] at, Instant observedAt) {
        return Submission.sound()
                .category(category)
                .at(at)
                .observedAt(observedAt)
                .submitted(http, caller);
    }

    private ViolationLocationTimelineDto location(String caller, UUID id) {
        return http.get()
                .uri("/api/v1/locations/" + id)
                .header("Authorization", caller)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ViolationLocationTimelineDto.class)
                .returnResult()
                .getResponseBody();
    }

    private ViolationLocationPageDto list(String caller, String query) {
        return http.get()
                .uri("/api/v1/locations?" + query)
                .header("Authorization", caller)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ViolationLocationPageDto.class)
                .returnResult()
                .getResponseBody();
    }

    private void list(String caller, String query, int status) {
        http.get()
                .uri("/api/v1/locations?" + query)
                .header("Authorization", caller)
                .exchange()
                .expectStatus()
                .isEqualTo(status);
    }

    /** A point so many metres north and east of another, on the sphere the service measures on. */
    static double[] metresFrom(double[] point, double north, double east) {
        return new double[] {
            point[0] + north / METRES_PER_DEGREE,
            point[1] + east / (METRES_PER_DEGREE * Math.cos(Math.toRadians(point[0])))
        };
    }

    private static String bboxAround(double[] point, double metres) {
        return bbox(metresFrom(point, -metres, -metres), metresFrom(point, metres, metres));
    }

    private static String bbox(double[] southWest, double[] northEast) {
        return southWest[1] + "," + southWest[0] + "," + northEast[1] + "," + northEast[0];
    }
}
