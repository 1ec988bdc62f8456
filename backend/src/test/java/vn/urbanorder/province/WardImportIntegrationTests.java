package vn.urbanorder.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.FieldErrorDto;
import vn.urbanorder.api.model.ProvinceWardDetailDto;
import vn.urbanorder.api.model.ProvinceWardDto;
import vn.urbanorder.api.model.ProvinceWardListDto;
import vn.urbanorder.api.model.TokenResponseDto;
import vn.urbanorder.api.model.UserDto;
import vn.urbanorder.api.model.WardImportItemDto.ChangesEnum;
import vn.urbanorder.api.model.WardImportPreviewDto;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;
import vn.urbanorder.testing.Submission;
import vn.urbanorder.ward.Provinces;

/**
 * A province's wards imported from a file of boundaries, as a province officer would: a preview,
 * the import, first admins for two wards who set up a unit and a patrol, and reports that go to
 * their own ward, judged by the area in force when they were observed.
 */
@IntegrationTest
class WardImportIntegrationTests {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final double SIZE = 0.01;
    static final int COLUMNS = 6;

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Provinces provinces;

    @Autowired
    DatabaseClient database;

    TestProvince mine;
    String admin;
    String prefix;

    @BeforeEach
    void aProvinceOfItsOwn() {
        mine = new TestProvince(provinces, database);
        admin = fixtures.bearer(mine.admin);
        prefix = "I" + TestProvince.random(6);
    }

    @Test
    void thirtyWardsArePreviewedImportedAndRunByTheirOwnAdmins() {
        List<String> features = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            features.add(feature(code(i), "Phường " + (i + 1), square(i)));
        }
        String file = collection(features);

        WardImportPreviewDto preview = preview(file, null);
        assertThat(preview.getErrors()).isEmpty();
        assertThat(preview.getWarnings())
                .as("adjacent squares share only edges")
                .isEmpty();
        assertThat(preview.getFeatures()).isEqualTo(30);
        assertThat(preview.getAdded()).isEqualTo(30);
        assertThat(preview.getItems())
                .allSatisfy(item -> assertThat(item.getChanges()).containsExactly(ChangesEnum.NEW));
        assertThat(wards()).as("a preview stores nothing").isEmpty();

        importFile(file, null)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.added")
                .isEqualTo(30)
                .jsonPath("$.effectiveFrom")
                .isEqualTo(LocalDate.now(VIETNAM).toString());
        Map<String, ProvinceWardDto> byCode =
                wards().stream().collect(Collectors.toMap(ProvinceWardDto::getCode, Function.identity()));
        assertThat(byCode).hasSize(30);
        assertThat(preview(file, null).getItems())
                .as("imported again, nothing left to do")
                .allSatisfy(item -> assertThat(item.getChanges()).containsExactly(ChangesEnum.UNCHANGED));

        // A first admin for wards 0 and 1, who sign in, change the password, set up a unit and a patrol.
        String patrolA = patrolOfNewWard(byCode.get(code(0)));
        String patrolB = patrolOfNewWard(byCode.get(code(1)));

        double[] inA = mine.centre(0, 0, SIZE);
        double[] inB = mine.centre(1, 0, SIZE);
        assertThat(Submission.sound().at(inA).submitted(http, patrolA).getReference())
                .startsWith(code(0) + "-");
        assertThat(Submission.sound().at(inB).submitted(http, patrolB).getReference())
                .startsWith(code(1) + "-");
        Submission.sound()
                .at(inB)
                .post(http, patrolA)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("location")
                .jsonPath("$.errors[0].message")
                .value(message -> assertThat((String) message).contains("ngoài địa bàn"));
    }

    @Test
    void aFileOfWrongFeaturesIsRefusedWithEveryErrorByFeatureAndChangesNothing() {
        String badGeometry = "{\"type\":\"Polygon\",\"coordinates\":[[[106.0,20.0],[106.1,20.1],[106.1,20.0],"
                + "[106.0,20.1],[106.0,20.0]]]}";
        String file = collection(List.of(
                feature(code(0), "Phường Một", square(0)),
                feature(code(0), "Phường Một lần hai", square(1)),
                feature("GT", "Phường của tỉnh khác", square(2)),
                feature("ab-1", "", square(3)),
                feature(code(4), "Phường Năm", badGeometry),
                "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code(5) + "\",\"name\":\"Phường Sáu\","
                        + "\"timeZone\":\"Mars/Olympus\"},\"geometry\":" + square(5) + "}",
                feature(code(6), "Phường Bảy", "{\"type\":\"Point\",\"coordinates\":[106.0,20.0]}"),
                "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code(7) + "\",\"name\":\"Phường Tám\"}}",
                // Half over ward 0: a warning, not an error.
                feature(
                        code(8),
                        "Phường Chín",
                        TestProvince.polygon(
                                mine.lon0 + SIZE / 2, mine.lat0, mine.lon0 + SIZE * 1.5, mine.lat0 + SIZE))));

        WardImportPreviewDto preview = preview(file, null);
        assertThat(preview.getErrors())
                .extracting(FieldErrorDto::getField)
                .containsExactlyInAnyOrder(
                        "features[1].properties.code",
                        "features[2].properties.code",
                        "features[3].properties.code",
                        "features[3].properties.name",
                        "features[4].geometry",
                        "features[5].properties.timeZone",
                        "features[6].geometry",
                        "features[7].geometry");
        assertThat(preview.getWarnings()).extracting(FieldErrorDto::getField).containsExactly("features[8].geometry");
        assertThat(preview.getWarnings().get(0).getMessage()).contains(code(0));

        importFile(file, null)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors.length()")
                .isEqualTo(8);
        assertThat(wards()).as("all or nothing").isEmpty();

        // Only the overlap left: it is imported, with its warning shown before.
        importFile(
                        collection(List.of(
                                feature(code(0), "Phường Một", square(0)),
                                feature(
                                        code(8),
                                        "Phường Chín",
                                        TestProvince.polygon(
                                                mine.lon0 + SIZE / 2,
                                                mine.lat0,
                                                mine.lon0 + SIZE * 1.5,
                                                mine.lat0 + SIZE)))),
                        null)
                .expectStatus()
                .isOk();
        assertThat(wards()).hasSize(2);
    }

    @Test
    void aSecondFileRenamesAndMovesBoundariesFromItsDateAndLeavesOutWardsAlone() {
        importFile(
                        collection(List.of(
                                feature(code(0), "Phường Một", square(0)),
                                feature(code(1), "Phường Hai", square(1)),
                                feature(code(2), "Phường Ba", square(2)))),
                        null)
                .expectStatus()
                .isOk();
        LocalDate tomorrow = LocalDate.now(VIETNAM).plusDays(1);
        String moved = TestProvince.polygon(mine.lon0 + SIZE, mine.lat0, mine.lon0 + 2 * SIZE, mine.lat0 + 1.5 * SIZE);
        String file = collection(List.of(
                feature(code(0), "Phường Một Mới", square(0)),
                feature(code(1), "Phường Hai", moved),
                feature(code(3), "Phường Bốn", square(3))));

        WardImportPreviewDto preview = preview(file, tomorrow);
        assertThat(preview.getErrors()).isEmpty();
        assertThat(preview.getItems())
                .extracting(item -> item.getChanges())
                .containsExactly(
                        List.of(ChangesEnum.RENAMED), List.of(ChangesEnum.AREA_CHANGED), List.of(ChangesEnum.NEW));
        assertThat(preview.getItems().get(0).getWasName()).isEqualTo("Phường Một");
        assertThat(preview.getChanged()).isEqualTo(2);

        // Moving a boundary from yesterday would rewrite the past.
        importFile(file, LocalDate.now(VIETNAM).minusDays(1))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("effectiveFrom");

        importFile(file, tomorrow)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.added")
                .isEqualTo(1)
                .jsonPath("$.changed")
                .isEqualTo(2)
                .jsonPath("$.unchanged")
                .isEqualTo(0);
        Map<String, ProvinceWardDto> now =
                wards().stream().collect(Collectors.toMap(ProvinceWardDto::getCode, Function.identity()));
        assertThat(now).containsKeys(code(0), code(1), code(2), code(3));
        assertThat(now.get(code(0)).getName()).isEqualTo("Phường Một Mới");
        ProvinceWardDetailDto two = http.get()
                .uri("/api/v1/wards/" + now.get(code(1)).getId())
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ProvinceWardDetailDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(two.getAreas()).hasSize(2);
        assertThat(two.getAreas().get(1).getValidFrom().toInstant())
                .isEqualTo(tomorrow.atStartOfDay(VIETNAM).toInstant());
        assertThat(two.getAreas().get(0).getInForce()).as("until tomorrow").isTrue();
    }

    @Test
    void aReportObservedBeforeAnAreaChangeIsJudgedByTheOldArea() {
        // A ward whose first area has held since 2025, moved one square east from today.
        ProvinceWardDetailDto ward = http.post()
                .uri("/api/v1/wards")
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"code\":\"" + code(0) + "\",\"name\":\"Phường Đổi\",\"serviceArea\":" + square(0)
                        + ",\"effectiveFrom\":\"2025-07-01\"}")
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(ProvinceWardDetailDto.class)
                .returnResult()
                .getResponseBody();
        LocalDate today = LocalDate.now(VIETNAM);
        http.post()
                .uri("/api/v1/wards/" + ward.getId() + "/areas")
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"serviceArea\":" + square(1) + ",\"effectiveFrom\":\"" + today + "\"}")
                .exchange()
                .expectStatus()
                .isOk();
        String patrol = patrolOfNewWard(ward.getId(), ward.getCode());
        Instant beforeTheChange = today.atStartOfDay(VIETNAM).toInstant().minus(1, ChronoUnit.HOURS);

        double[] oldOnly = mine.centre(0, 0, SIZE);
        assertThat(Submission.sound()
                        .at(oldOnly)
                        .observedAt(beforeTheChange)
                        .submitted(http, patrol)
                        .getReference())
                .startsWith(code(0) + "-");
        Submission.sound().at(oldOnly).post(http, patrol).expectStatus().isEqualTo(422);
        Submission.sound()
                .at(mine.centre(1, 0, SIZE))
                .post(http, patrol)
                .expectStatus()
                .isCreated();
    }

    @Test
    void aProvincesBoundariesMayTakeTwentyMegabytesAndNoMore() {
        // One ward drawn with 200,000 points: over the 5 MB other GeoJSON bodies may take.
        StringBuilder circle = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        int points = 200_000;
        double lon = mine.lon0 + SIZE;
        double lat = mine.lat0 + SIZE;
        for (int i = 0; i <= points; i++) {
            double angle = 2 * Math.PI * (i % points) / points;
            circle.append(String.format(
                            Locale.ROOT, "[%.9f,%.9f]", lon + SIZE * Math.cos(angle), lat + SIZE * Math.sin(angle)))
                    .append(i < points ? "," : "");
        }
        circle.append("]]}");
        String large = collection(List.of(feature(code(0), "Phường Tròn", circle.toString())));
        assertThat(large.length()).isGreaterThan(5 * 1024 * 1024);
        assertThat(preview(large, null).getErrors()).isEmpty();

        // Just past the limit: a body refused while the client still sends much more of it ends in a
        // closed connection rather than the answer (the service does not read a refused body).
        String tooLarge = overLimit(20 * 1024 * 1024);
        http.post()
                .uri("/api/v1/wards/import/preview")
                .header("Authorization", admin)
                .contentType(GEO_JSON)
                .bodyValue(tooLarge)
                .exchange()
                .expectStatus()
                .isEqualTo(413);
        // The file is GeoJSON, sent as such (one media type per operation, for generated clients).
        http.post()
                .uri("/api/v1/wards/import/preview")
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(collection(List.of(feature(code(0), "Phường Một", square(0)))))
                .exchange()
                .expectStatus()
                .isEqualTo(415);
        // Elsewhere JSON keeps its small limit.
        http.post()
                .uri("/api/v1/wards")
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(overLimit(256 * 1024))
                .exchange()
                .expectStatus()
                .isEqualTo(413);
    }

    /** A JSON object 64 bytes longer than the limit. */
    private static String overLimit(int limit) {
        String head = "{\"type\":\"FeatureCollection\",\"features\":[],\"padding\":\"";
        return head + "x".repeat(limit + 64 - head.length() - 2) + "\"}";
    }

    @Test
    void wardUsersAndTheProvinceInspectorCannotImport() {
        String file = collection(List.of(feature(code(0), "Phường Một", square(0))));
        for (String bearer :
                new String[] {fixtures.bearer(mine.inspector), fixtures.bearer("admin"), fixtures.bearer("tinhgs1")}) {
            for (String path : new String[] {"/api/v1/wards/import/preview", "/api/v1/wards/import"}) {
                http.post()
                        .uri(path)
                        .header("Authorization", bearer)
                        .contentType(GEO_JSON)
                        .bodyValue(file)
                        .exchange()
                        .expectStatus()
                        .isForbidden();
            }
        }
    }

    /** A first admin for the ward, who signs in, changes the password, makes a unit and a patrol; the patrol's bearer. */
    String patrolOfNewWard(ProvinceWardDto ward) {
        return patrolOfNewWard(ward.getId(), ward.getCode());
    }

    String patrolOfNewWard(java.util.UUID wardId, String wardCode) {
        String username = Fixtures.uniqueUsername();
        http.post()
                .uri("/api/v1/wards/" + wardId + "/admins")
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"" + username + "\",\"displayName\":\"Quản trị " + wardCode
                        + "\",\"password\":\"first-password-1\"}")
                .exchange()
                .expectStatus()
                .isCreated();
        String wardAdmin = ownPassword(username);
        http.post()
                .uri("/api/v1/units")
                .header("Authorization", wardAdmin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"code\":\"TTDT\",\"name\":\"Đội trật tự đô thị\",\"kind\":\"OTHER\"}")
                .exchange()
                .expectStatus()
                .isCreated();
        String patrol = Fixtures.uniqueUsername();
        UserDto created = http.post()
                .uri("/api/v1/users")
                .header("Authorization", wardAdmin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"" + patrol + "\",\"displayName\":\"Tuần tra " + wardCode
                        + "\",\"roles\":[\"PATROL\"],\"password\":\"first-password-1\"}")
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(UserDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(created.getWardCode()).isEqualTo(wardCode);
        return ownPassword(patrol);
    }

    /** Signs in with the password someone else set: nothing but the change until it is changed. */
    String ownPassword(String username) {
        TokenResponseDto first = Fixtures.attemptSignIn(http, username, "first-password-1")
                .expectStatus()
                .isOk()
                .expectBody(TokenResponseDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(first.getUser().getPasswordChangeRequired()).isTrue();
        String bearer = "Bearer " + first.getAccessToken();
        http.get()
                .uri("/api/v1/units")
                .header("Authorization", bearer)
                .exchange()
                .expectStatus()
                .isForbidden();
        return "Bearer "
                + http.patch()
                        .uri("/api/v1/me/password")
                        .header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"currentPassword\":\"first-password-1\",\"newPassword\":\"own-password-22\"}")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(TokenResponseDto.class)
                        .returnResult()
                        .getResponseBody()
                        .getAccessToken();
    }

    List<ProvinceWardDto> wards() {
        return http.get()
                .uri("/api/v1/wards")
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ProvinceWardListDto.class)
                .returnResult()
                .getResponseBody()
                .getItems();
    }

    WardImportPreviewDto preview(String file, LocalDate effectiveFrom) {
        return http.post()
                .uri("/api/v1/wards/import/preview" + (effectiveFrom == null ? "" : "?effectiveFrom=" + effectiveFrom))
                .header("Authorization", admin)
                .contentType(GEO_JSON)
                .bodyValue(file)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(WardImportPreviewDto.class)
                .returnResult()
                .getResponseBody();
    }

    WebTestClient.ResponseSpec importFile(String file, LocalDate effectiveFrom) {
        return http.post()
                .uri("/api/v1/wards/import" + (effectiveFrom == null ? "" : "?effectiveFrom=" + effectiveFrom))
                .header("Authorization", admin)
                .contentType(GEO_JSON)
                .bodyValue(file)
                .exchange();
    }

    String code(int i) {
        return prefix + "X" + i;
    }

    /** The i-th square of a grid {@value #COLUMNS} wide. */
    String square(int i) {
        return mine.square(i % COLUMNS, i / COLUMNS, SIZE);
    }

    static String feature(String code, String name, String geometry) {
        return "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\",\"name\":\"" + name
                + "\"},\"geometry\":" + geometry + "}";
    }

    static String collection(List<String> features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }
}
