package vn.urbanorder.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.api.model.ReportPageDto;
import vn.urbanorder.api.model.UnitDto;
import vn.urbanorder.api.model.ZoneFeatureCollectionDto;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;
import vn.urbanorder.testing.Submission;

/** Zones, rules and units as a ward admin sets them up, and where reports land after that. */
@IntegrationTest
class AssignmentIntegrationTests {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    UUID ward;
    String admin;
    String patrol;
    UnitDto ttdt;
    UnitDto dcxd;
    UnitDto vsmt;

    @BeforeEach
    void aWardWithUnitsMapAndRules() {
        ward = fixtures.ward();
        admin = fixtures.bearer(fixtures.user(ward, "WARD_ADMIN"));
        patrol = fixtures.bearer(fixtures.user(ward, "PATROL"));
        ttdt = createUnit("TTDT", "Đội Trật tự đô thị phường", "URBAN_ORDER_TEAM");
        dcxd = createUnit("DCXD", "Bộ phận Địa chính – Xây dựng", "CONSTRUCTION_OFFICE");
        vsmt = createUnit("VSMT", "Tổ Vệ sinh môi trường", "SANITATION");
        importZones(TestMap.collection(TestMap.WEST, TestMap.EAST, TestMap.SEGMENT))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.zones")
                .isEqualTo(2)
                .jsonPath("$.segments")
                .isEqualTo(1);
        putRules("""
                        {"rules": [{"category": "SANITATION", "unitCode": "VSMT"},
                                   {"zoneCode": "EAST", "category": "CONSTRUCTION", "unitCode": "DCXD"},
                                   {"unitCode": "TTDT"}]}""").expectStatus().isOk();
    }

    @Test
    void theMostSpecificRuleDecidesAndTheReportSaysWhy() {
        ReportDto sanitation = submit("SANITATION", "LITTERING", TestMap.IN_WEST);
        assertThat(sanitation.getStatus().getValue()).isEqualTo("ASSIGNED");
        assertThat(sanitation.getAssignment().getUnit().getCode()).isEqualTo("VSMT");
        assertThat(sanitation.getAssignment().getZone().getCode()).isEqualTo("WEST");
        assertThat(sanitation.getAssignment().getSegment()).isNull();
        assertThat(sanitation.getAssignment().getRule().getValue()).isEqualTo("CATEGORY");

        ReportDto onSegment = submit("SANITATION", "LITTERING", TestMap.ON_SEGMENT);
        assertThat(onSegment.getAssignment().getUnit().getCode()).isEqualTo("DCXD");
        assertThat(onSegment.getAssignment().getSegment().getCode()).isEqualTo("S1");
        assertThat(onSegment.getAssignment().getRule().getValue()).isEqualTo("SEGMENT");

        ReportDto construction = submit("CONSTRUCTION", "NO_PERMIT", TestMap.IN_EAST);
        assertThat(construction.getAssignment().getUnit().getCode()).isEqualTo("DCXD");
        assertThat(construction.getAssignment().getRule().getValue()).isEqualTo("ZONE_CATEGORY");

        ReportDto sidewalk = submit("SIDEWALK_ENCROACHMENT", "GOODS_DISPLAY", TestMap.IN_EAST);
        assertThat(sidewalk.getAssignment().getUnit().getCode()).isEqualTo("TTDT");
        assertThat(sidewalk.getAssignment().getRule().getValue()).isEqualTo("WARD_DEFAULT");
    }

    @Test
    void aReportInNoZoneIsUnassignedAndWaitsInTheAdminsQueue() {
        ReportDto lost = submit("SANITATION", "LITTERING", TestMap.IN_NO_ZONE);
        assertThat(lost.getStatus().getValue()).isEqualTo("UNASSIGNED");
        assertThat(lost.getAssignment())
                .satisfiesAnyOf(
                        assignment -> assertThat(assignment).isNull(),
                        assignment -> assertThat(assignment.getUnit()).isNull());

        ReportPageDto queue = http.get()
                .uri("/api/v1/reports?status=UNASSIGNED")
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ReportPageDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(queue.getItems()).extracting(ReportDto::getId).containsExactly(lost.getId());
    }

    @Test
    void aDeactivatedUnitIsPassedOver() {
        http.patch()
                .uri("/api/v1/units/" + vsmt.getId())
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"active\": false}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.active")
                .isEqualTo(false);

        ReportDto sanitation = submit("SANITATION", "LITTERING", TestMap.IN_WEST);
        assertThat(sanitation.getAssignment().getUnit().getCode()).isEqualTo("TTDT");
        assertThat(sanitation.getAssignment().getRule().getValue()).isEqualTo("WARD_DEFAULT");
    }

    @Test
    void aBrokenFileIsRefusedWholeWithEveryErrorAndTheOldMapStays() {
        String selfIntersecting = """
                {"type": "Feature", "properties": {"code": "BOW", "name": "Nơ", "kind": "ZONE"},
                 "geometry": {"type": "Polygon", "coordinates": [[[105.8800, 21.0420], [105.8840, 21.0460],
                   [105.8840, 21.0420], [105.8800, 21.0460], [105.8800, 21.0420]]]}}""";
        String outside = """
                {"type": "Feature", "properties": {"code": "FAR", "name": "Xa", "kind": "ZONE"},
                 "geometry": {"type": "Polygon", "coordinates": [[[106.0, 21.0], [106.1, 21.0], [106.1, 21.1],
                   [106.0, 21.0]]]}}""";
        String duplicate = TestMap.EAST.replace("\"EAST\"", "\"BOW\"");
        String unknownUnit = TestMap.SEGMENT.replace("\"DCXD\"", "\"NOPE\"");
        String lineAsZone = TestMap.SEGMENT.replace("\"SEGMENT\"", "\"ZONE\"").replace(", \"bufferM\": 15", "");

        importZones(TestMap.collection(selfIntersecting, outside, duplicate, unknownUnit, lineAsZone))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'features[0].geometry')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'features[1].geometry')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'features[2].properties.code')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'features[3].properties.unitCode')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'features[4].geometry')]")
                .exists();

        assertThat(zones(null).getFeatures())
                .extracting(feature -> feature.getProperties().getCode())
                .containsExactly("EAST", "WEST", "S1");
        assertThat(submit("SANITATION", "LITTERING", TestMap.IN_WEST)
                        .getAssignment()
                        .getZone()
                        .getCode())
                .isEqualTo("WEST");
    }

    @Test
    void aNewImportNeverRewritesPastReportsAndThePastMapCanBeRead() {
        ReportDto before = submit("SIDEWALK_ENCROACHMENT", "GOODS_DISPLAY", TestMap.IN_WEST);
        Instant between = Instant.now();

        String renamed = TestMap.WEST.replace("Tổ dân phố 1", "Tổ dân phố 1 mới");
        importZones(TestMap.collection(
                        renamed,
                        TestMap.EAST.replace("\"kind\": \"ZONE\"", "\"kind\": \"ZONE\", \"unitCode\": \"VSMT\"")))
                .expectStatus()
                .isOk();

        ReportDto again = get(before.getId());
        assertThat(again.getAssignment().getZone().getName()).isEqualTo("Tổ dân phố 1");
        assertThat(again.getAssignment().getZone().getId())
                .isEqualTo(before.getAssignment().getZone().getId());

        ReportDto after = submit("SIDEWALK_ENCROACHMENT", "GOODS_DISPLAY", TestMap.IN_WEST_NORTH);
        assertThat(after.getAssignment().getZone().getName()).isEqualTo("Tổ dân phố 1 mới");
        assertThat(after.getAssignment().getSegment()).isNull();

        assertThat(zones(between).getFeatures())
                .extracting(feature -> feature.getProperties().getName())
                .containsExactly("Tổ dân phố 2", "Tổ dân phố 1", "Tuyến phố thử");
        assertThat(zones(null).getFeatures()).hasSize(2);
    }

    @Test
    void reportsAreFoundByZoneAndSegmentAcrossMapVersions() {
        ReportDto west = submit("SIDEWALK_ENCROACHMENT", "GOODS_DISPLAY", TestMap.IN_WEST);
        ReportDto onSegment = submit("SIDEWALK_ENCROACHMENT", "GOODS_DISPLAY", TestMap.ON_SEGMENT);
        ReportDto east = submit("SIDEWALK_ENCROACHMENT", "GOODS_DISPLAY", TestMap.IN_EAST);
        UUID oldWest = west.getAssignment().getZone().getId();
        UUID oldSegment = onSegment.getAssignment().getSegment().getId();
        assertThat(onSegment.getAssignment().getZone().getId()).isEqualTo(oldWest);

        // A new map replaces every row: WEST and S1 get new ids, and keep their codes.
        importZones(TestMap.collection(
                        TestMap.WEST.replace("Tổ dân phố 1", "Tổ dân phố 1 mới"), TestMap.EAST, TestMap.SEGMENT))
                .expectStatus()
                .isOk();
        ReportDto westLater = submit("SIDEWALK_ENCROACHMENT", "GOODS_DISPLAY", TestMap.IN_WEST_NORTH);
        UUID newWest = westLater.getAssignment().getZone().getId();
        assertThat(newWest).isNotEqualTo(oldWest);

        List<UUID> inWest = List.of(west.getId(), onSegment.getId(), westLater.getId());
        assertThat(listed("?zoneId=" + newWest)).containsExactlyInAnyOrderElementsOf(inWest);
        assertThat(listed("?zoneId=" + oldWest)).containsExactlyInAnyOrderElementsOf(inWest);
        assertThat(listed("?segmentId=" + oldSegment)).containsExactly(onSegment.getId());
        assertThat(listed("?zoneId=" + east.getAssignment().getZone().getId() + "&segmentId=" + oldSegment))
                .isEmpty();
        // A zone's id given as a segment, or an id of nothing, matches nothing.
        assertThat(listed("?segmentId=" + newWest)).isEmpty();
        assertThat(listed("?zoneId=" + UUID.randomUUID())).isEmpty();
        http.get()
                .uri("/api/v1/reports?zoneId=TDP-1")
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isBadRequest();

        http.get()
                .uri("/api/v1/reports.geojson?segmentId=" + oldSegment)
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.features[*].id")
                .isEqualTo(List.of(onSegment.getId().toString()));
    }

    /** The ids of the reports the ward admin's list holds with these parameters. */
    private List<UUID> listed(String query) {
        return http
                .get()
                .uri("/api/v1/reports" + query)
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ReportPageDto.class)
                .returnResult()
                .getResponseBody()
                .getItems()
                .stream()
                .map(ReportDto::getId)
                .toList();
    }

    @Test
    void rulesMustNameWhatExists() {
        putRules("""
                        {"rules": [{"zoneCode": "NOWHERE", "unitCode": "TTDT"},
                                   {"zoneCode": "WEST", "segmentCode": "S1", "unitCode": "TTDT"},
                                   {"category": "NOISE", "unitCode": "TTDT"},
                                   {"category": "SANITATION", "unitCode": "GHOST"},
                                   {"unitCode": "TTDT"}, {"unitCode": "VSMT"}]}""")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'rules[0].zoneCode')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'rules[1].segmentCode')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'rules[2].category')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'rules[3].unitCode')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'rules[5]')]")
                .exists();

        http.get()
                .uri("/api/v1/assignment-rules")
                .header("Authorization", patrol)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.rules.length()")
                .isEqualTo(3);
    }

    @Test
    void unitStaffSeeTheirUnitsReportsOnly() {
        String vsmtStaff = fixtures.bearer(fixtures.user(ward, vsmt.getId(), "UNIT_STAFF"));
        ReportDto theirs = submit("SANITATION", "LITTERING", TestMap.IN_WEST);
        ReportDto notTheirs = submit("CONSTRUCTION", "NO_PERMIT", TestMap.IN_EAST);

        http.get()
                .uri("/api/v1/reports/" + theirs.getId())
                .header("Authorization", vsmtStaff)
                .exchange()
                .expectStatus()
                .isOk();
        http.get()
                .uri("/api/v1/reports/" + notTheirs.getId())
                .header("Authorization", vsmtStaff)
                .exchange()
                .expectStatus()
                .isNotFound();
        ReportPageDto list = http.get()
                .uri("/api/v1/reports")
                .header("Authorization", vsmtStaff)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ReportPageDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(list.getItems()).extracting(ReportDto::getId).containsExactly(theirs.getId());

        // The "already reported?" check near both reports shows them only their own too.
        http.get()
                .uri("/api/v1/reports/nearby?lat=21.0435&lon=105.8855&radiusM=500")
                .header("Authorization", vsmtStaff)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[*].report.id")
                .isEqualTo(List.of(theirs.getId().toString()));
    }

    @Test
    void emptyItemsInAFileOrARuleListAreRefused() {
        importZones("{\"type\": \"FeatureCollection\", \"features\": [null]}")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("features[0]");
        putRules("{\"rules\": [{\"unitCode\": \"TTDT\"}, null]}")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("rules[1]");
    }

    @Test
    void onlyTheWardAdminChangesUnitsZonesAndRules() {
        String inspector = fixtures.bearer(fixtures.user(ward, "INSPECTOR"));
        String staff = fixtures.bearer(fixtures.user(ward, vsmt.getId(), "UNIT_STAFF"));
        for (String caller : new String[] {patrol, inspector, staff}) {
            http.post()
                    .uri("/api/v1/units")
                    .header("Authorization", caller)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"code\": \"X\", \"name\": \"X\", \"kind\": \"OTHER\"}")
                    .exchange()
                    .expectStatus()
                    .isForbidden();
            http.patch()
                    .uri("/api/v1/units/" + vsmt.getId())
                    .header("Authorization", caller)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"active\": false}")
                    .exchange()
                    .expectStatus()
                    .isForbidden();
            http.put()
                    .uri("/api/v1/zones")
                    .header("Authorization", caller)
                    .contentType(GEO_JSON)
                    .bodyValue(TestMap.collection(TestMap.WEST))
                    .exchange()
                    .expectStatus()
                    .isForbidden();
            putRules("{\"rules\": []}", caller).expectStatus().isForbidden();
            http.get()
                    .uri("/api/v1/units/" + vsmt.getId())
                    .header("Authorization", caller)
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
    }

    @Test
    void anotherWardsUnitsAndMapStayHidden() {
        UUID otherWard = fixtures.ward();
        String otherAdmin = fixtures.bearer(fixtures.user(otherWard, "WARD_ADMIN"));
        http.get()
                .uri("/api/v1/units/" + vsmt.getId())
                .header("Authorization", otherAdmin)
                .exchange()
                .expectStatus()
                .isNotFound();
        http.patch()
                .uri("/api/v1/units/" + vsmt.getId())
                .header("Authorization", otherAdmin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"active\": false}")
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get()
                .uri("/api/v1/units")
                .header("Authorization", otherAdmin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(0);
        http.get()
                .uri("/api/v1/zones")
                .header("Authorization", otherAdmin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.features.length()")
                .isEqualTo(0);
    }

    @Test
    void unitCodesAreUniqueInAWardAndFieldsAreChecked() {
        http.post()
                .uri("/api/v1/units")
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"code\": \"VSMT\", \"name\": \"Trùng\", \"kind\": \"SANITATION\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        http.post()
                .uri("/api/v1/units")
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"code\": \"bad code\", \"name\": \" \", \"kind\": \"CIRCUS\"}")
                .exchange()
                .expectStatus()
                .value(status -> assertThat(status).isIn(400, 422));
    }

    @Test
    void aFileOverFiveMegabytesIsRefusedAndOneOverTheJsonLimitIsTaken() {
        // About 400 KB, over the 256 KB other JSON bodies may have, in a property the import ignores.
        String large = TestMap.WEST.replace(
                "\"kind\": \"ZONE\"", "\"kind\": \"ZONE\", \"note\": \"" + "x".repeat(400_000) + "\"");
        importZones(TestMap.collection(large)).expectStatus().isOk();
        assertThat(zones(null).getFeatures()).hasSize(1);

        String huge = TestMap.WEST.replace(
                "\"kind\": \"ZONE\"", "\"kind\": \"ZONE\", \"note\": \"" + "x".repeat(5_300_000) + "\"");
        importZones(TestMap.collection(huge)).expectStatus().isEqualTo(413);
        assertThat(zones(null).getFeatures()).hasSize(1);
    }

    private UnitDto createUnit(String code, String name, String kind) {
        return http.post()
                .uri("/api/v1/units")
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"code\": \"%s\", \"name\": \"%s\", \"kind\": \"%s\", \"contactPhone\": \"0243 827 000\"}"
                        .formatted(code, name, kind))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(UnitDto.class)
                .returnResult()
                .getResponseBody();
    }

    private WebTestClient.ResponseSpec importZones(String file) {
        return http.put()
                .uri("/api/v1/zones")
                .header("Authorization", admin)
                .contentType(GEO_JSON)
                .bodyValue(file)
                .exchange();
    }

    private WebTestClient.ResponseSpec putRules(String rules) {
        return putRules(rules, admin);
    }

    private WebTestClient.ResponseSpec putRules(String rules, String caller) {
        return http.put()
                .uri("/api/v1/assignment-rules")
                .header("Authorization", caller)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(rules)
                .exchange();
    }

    private ZoneFeatureCollectionDto zones(Instant at) {
        return http.get()
                .uri(at == null ? "/api/v1/zones" : "/api/v1/zones?at=" + at)
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(GEO_JSON)
                .expectBody(ZoneFeatureCollectionDto.class)
                .returnResult()
                .getResponseBody();
    }

    private ReportDto submit(String category, String subtype, double[] at) {
        return Submission.sound()
                .category(category, subtype)
                .at(at)
                .observedAt(Instant.now().minus(1, ChronoUnit.MINUTES))
                .submitted(http, patrol);
    }

    private ReportDto get(UUID id) {
        return http.get()
                .uri("/api/v1/reports/" + id)
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();
    }
}
