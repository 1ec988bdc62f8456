package vn.urbanorder.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.ProvinceWardDetailDto;
import vn.urbanorder.api.model.ProvinceWardListDto;
import vn.urbanorder.api.model.UserDto;
import vn.urbanorder.api.model.UserPageDto;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;
import vn.urbanorder.ward.Provinces;

/**
 * The province API as its officers use it: the province, its wards and their area versions, the
 * wards' first admins and the province's own users; ward users get 403, the province inspector
 * reads only, and another province's ward is a 404 on every route that names one.
 */
@IntegrationTest
class ProvinceWardsIntegrationTests {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final double SIZE = 0.01;

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
    String inspector;

    @BeforeEach
    void aProvinceOfItsOwn() {
        mine = new TestProvince(provinces, database);
        admin = fixtures.bearer(mine.admin);
        inspector = fixtures.bearer(mine.inspector);
    }

    @Test
    void bothProvinceRolesReadTheProvinceAndItsWardsAndWardUsersGet403() {
        ProvinceWardDetailDto ward = createWard(code(), "Phường Một", mine.square(0, 0, SIZE));
        for (String reader : new String[] {admin, inspector}) {
            call(HttpMethod.GET, "/api/v1/province", reader, null)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo(mine.province.code())
                    .jsonPath("$.id")
                    .isEqualTo(mine.id().toString())
                    .jsonPath("$.wards")
                    .isEqualTo(1);
            ProvinceWardListDto list = call(HttpMethod.GET, "/api/v1/wards", reader, null)
                    .expectStatus()
                    .isOk()
                    .expectBody(ProvinceWardListDto.class)
                    .returnResult()
                    .getResponseBody();
            assertThat(list.getItems()).singleElement().satisfies(listed -> {
                assertThat(listed.getId()).isEqualTo(ward.getId());
                assertThat(listed.getTimeZone()).isEqualTo("Asia/Ho_Chi_Minh");
                assertThat(listed.getServiceArea().getType()).isEqualTo("Polygon");
                assertThat(listed.getActiveAdmins()).isZero();
            });
            call(HttpMethod.GET, "/api/v1/wards/" + ward.getId(), reader, null)
                    .expectStatus()
                    .isOk();
        }
        String wardAdmin = fixtures.bearer("admin");
        String patrol = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "PATROL"));
        for (String wardUser : new String[] {wardAdmin, patrol}) {
            for (String path : new String[] {"/api/v1/province", "/api/v1/wards", "/api/v1/wards/" + ward.getId()}) {
                call(HttpMethod.GET, path, wardUser, null).expectStatus().isForbidden();
            }
            call(HttpMethod.POST, "/api/v1/wards", wardUser, newWard(code(), "Phường", mine.square(5, 5, SIZE)))
                    .expectStatus()
                    .isForbidden();
        }
    }

    @Test
    void aProvinceAdminCreatesAWardWhoseFirstAreaHoldsFromLocalMidnight() {
        String code = code();
        var answer = call(
                        HttpMethod.POST,
                        "/api/v1/wards",
                        admin,
                        "{\"code\":\"" + code + "\",\"name\":\"  Phường Hai  \",\"serviceArea\":"
                                + mine.square(0, 0, SIZE) + ",\"effectiveFrom\":\"2026-01-01\"}")
                .expectStatus()
                .isCreated()
                .expectBody(ProvinceWardDetailDto.class)
                .returnResult();
        ProvinceWardDetailDto created = answer.getResponseBody();
        assertThat(answer.getResponseHeaders().getLocation()).hasToString("/api/v1/wards/" + created.getId());
        assertThat(created.getName()).isEqualTo("Phường Hai");
        assertThat(created.getCode()).isEqualTo(code);
        assertThat(created.getAreas()).singleElement().satisfies(area -> {
            assertThat(area.getValidFrom().toInstant())
                    .isEqualTo(LocalDate.of(2026, 1, 1).atStartOfDay(VIETNAM).toInstant());
            assertThat(area.getChangedBy()).isEqualTo(mine.admin);
            assertThat(area.getInForce()).isTrue();
        });

        // The code is taken, by this province's ward or by any other's.
        for (String taken : new String[] {code, "GT"}) {
            call(HttpMethod.POST, "/api/v1/wards", admin, newWard(taken, "Phường khác", mine.square(3, 3, SIZE)))
                    .expectStatus()
                    .isEqualTo(409);
        }
    }

    @Test
    void aWardWithBadFieldsIsRefusedWithEveryField() {
        call(
                        HttpMethod.POST,
                        "/api/v1/wards",
                        admin,
                        "{\"code\":\"gt-1\",\"name\":\" \",\"timeZone\":\"Asia/Hanoi_City\",\"serviceArea\":"
                                + "{\"type\":\"LineString\",\"coordinates\":[[105.0,21.0],[105.1,21.1]]}}")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'timeZone')]")
                .exists();
        call(
                        HttpMethod.POST,
                        "/api/v1/wards",
                        admin,
                        "{\"code\":\"gt-1\",\"name\":\" \",\"serviceArea\":"
                                + "{\"type\":\"LineString\",\"coordinates\":[[105.0,21.0],[105.1,21.1]]}}")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'code')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'name')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'serviceArea')]")
                .exists();
        call(HttpMethod.POST, "/api/v1/wards", inspector, newWard(code(), "Phường", mine.square(0, 0, SIZE)))
                .expectStatus()
                .isForbidden();
    }

    @Test
    void aWardIsRenamedAndMovedToAnotherZoneButItsCodeNeverChanges() {
        ProvinceWardDetailDto ward = createWard(code(), "Phường Ba", mine.square(0, 0, SIZE));
        call(
                        HttpMethod.PATCH,
                        "/api/v1/wards/" + ward.getId(),
                        admin,
                        "{\"name\":\"Phường Ba Mới\",\"timeZone\":\"Asia/Bangkok\"}")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("Phường Ba Mới")
                .jsonPath("$.timeZone")
                .isEqualTo("Asia/Bangkok")
                .jsonPath("$.code")
                .isEqualTo(ward.getCode());
        call(HttpMethod.PATCH, "/api/v1/wards/" + ward.getId(), admin, "{\"code\":\"NEWCODE\"}")
                .expectStatus()
                .isEqualTo(422);
        call(HttpMethod.PATCH, "/api/v1/wards/" + ward.getId(), admin, "{\"name\":\"\"}")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("name");
        call(HttpMethod.PATCH, "/api/v1/wards/" + ward.getId(), inspector, "{\"name\":\"Phường Bốn\"}")
                .expectStatus()
                .isForbidden();
    }

    @Test
    void aNewAreaVersionStartsNeitherBeforeTodayNorBeforeTheNewestVersion() {
        ProvinceWardDetailDto ward = createWard(code(), "Phường Năm", mine.square(0, 0, SIZE));
        LocalDate today = LocalDate.now(VIETNAM);
        String path = "/api/v1/wards/" + ward.getId() + "/areas";
        String moved = mine.square(0.5, 0, SIZE);

        call(HttpMethod.POST, path, admin, area(moved, today.minusDays(1)))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("effectiveFrom");
        ProvinceWardDetailDto changed = call(HttpMethod.POST, path, admin, area(moved, today.plusDays(2)))
                .expectStatus()
                .isOk()
                .expectBody(ProvinceWardDetailDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(changed.getAreas()).hasSize(2);
        assertThat(changed.getAreas().get(0).getInForce()).isTrue();
        assertThat(changed.getAreas().get(1).getInForce()).isFalse();
        assertThat(changed.getAreas().get(1).getChangedBy()).isEqualTo(mine.admin);
        assertThat(changed.getAreas().get(1).getValidFrom().toInstant())
                .isEqualTo(today.plusDays(2).atStartOfDay(VIETNAM).toInstant());

        // Not before the newest version, even on a future date.
        call(HttpMethod.POST, path, admin, area(moved, today.plusDays(1)))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("effectiveFrom");
        // The same date replaces the version not yet in force.
        String movedAgain = mine.square(0.7, 0, SIZE);
        assertThat(call(HttpMethod.POST, path, admin, area(movedAgain, today.plusDays(2)))
                        .expectStatus()
                        .isOk()
                        .expectBody(ProvinceWardDetailDto.class)
                        .returnResult()
                        .getResponseBody()
                        .getAreas())
                .hasSize(2);
        call(
                        HttpMethod.POST,
                        path,
                        admin,
                        "{\"serviceArea\":{\"type\":\"Point\",\"coordinates\":[105.0,21.0]}," + "\"effectiveFrom\":\""
                                + today.plusDays(3) + "\"}")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("serviceArea");
        call(HttpMethod.POST, path, inspector, area(moved, today.plusDays(5)))
                .expectStatus()
                .isForbidden();

        // The list shows the area in force at the moment asked for.
        double movedWest = mine.lon0 + 0.7 * SIZE;
        ProvinceWardListDto later = call(
                        HttpMethod.GET,
                        "/api/v1/wards?at="
                                + today.plusDays(3).atStartOfDay(VIETNAM).toInstant(),
                        inspector,
                        null)
                .expectStatus()
                .isOk()
                .expectBody(ProvinceWardListDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(later.getItems().get(0).getAreaValidFrom().toInstant())
                .isEqualTo(today.plusDays(2).atStartOfDay(VIETNAM).toInstant());
        assertThat(firstLongitude(later.getItems().get(0).getServiceArea().getCoordinates()))
                .isCloseTo(movedWest, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aProvinceAdminCreatesAWardsFirstAdminWhoMustChangeThePassword() {
        ProvinceWardDetailDto ward = createWard(code(), "Phường Sáu", mine.square(0, 0, SIZE));
        String path = "/api/v1/wards/" + ward.getId() + "/admins";
        String username = Fixtures.uniqueUsername();
        UserDto created = call(
                        HttpMethod.POST,
                        path,
                        admin,
                        "{\"username\":\"" + username + "\",\"displayName\":\"Quản trị phường\","
                                + "\"phone\":\"0912345678\",\"password\":\"first-password-1\"}")
                .expectStatus()
                .isCreated()
                .expectBody(UserDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(created.getPasswordChangeRequired()).isTrue();
        assertThat(created.getWardCode()).isEqualTo(ward.getCode());
        assertThat(created.getRoles()).containsExactly(vn.urbanorder.api.model.RoleDto.WARD_ADMIN);

        UserPageDto admins = call(HttpMethod.GET, path, admin, null)
                .expectStatus()
                .isOk()
                .expectBody(UserPageDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(admins.getItems()).extracting(UserDto::getUsername).containsExactly(username);
        call(HttpMethod.GET, "/api/v1/wards/" + ward.getId(), inspector, null)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.activeAdmins")
                .isEqualTo(1);

        call(
                        HttpMethod.POST,
                        path,
                        admin,
                        "{\"username\":\"" + username + "\",\"displayName\":\"Lần hai\","
                                + "\"password\":\"first-password-1\"}")
                .expectStatus()
                .isEqualTo(409);
        call(HttpMethod.POST, path, admin, "{\"username\":\"A B\",\"displayName\":\"\",\"password\":\"short\"}")
                .expectStatus()
                .isEqualTo(422);
        call(HttpMethod.GET, path, inspector, null).expectStatus().isForbidden();
        call(
                        HttpMethod.POST,
                        path,
                        inspector,
                        "{\"username\":\"" + Fixtures.uniqueUsername()
                                + "\",\"displayName\":\"Thử\",\"password\":\"first-password-1\"}")
                .expectStatus()
                .isForbidden();
    }

    @Test
    void anotherProvincesWardIsNotFoundOnEveryRoute() {
        UUID demoWard = fixtures.ward();
        ProvinceWardDetailDto ours = createWard(code(), "Phường Bảy", mine.square(0, 0, SIZE));
        String tinh1 = fixtures.bearer("tinh1");
        String date = LocalDate.now(VIETNAM).plusDays(1).toString();
        Function<UUID, String[][]> routes = id -> new String[][] {
            {"GET", "/api/v1/wards/" + id, null},
            {"PATCH", "/api/v1/wards/" + id, "{\"name\":\"Tên khác\"}"},
            {"POST", "/api/v1/wards/" + id + "/areas", area(mine.square(9, 9, SIZE), LocalDate.parse(date))},
            {"GET", "/api/v1/wards/" + id + "/admins", null},
            {
                "POST",
                "/api/v1/wards/" + id + "/admins",
                "{\"username\":\"" + Fixtures.uniqueUsername()
                        + "\",\"displayName\":\"Thử\",\"password\":\"first-password-1\"}"
            }
        };
        for (String[] route : routes.apply(demoWard)) {
            call(HttpMethod.valueOf(route[0]), route[1], admin, route[2])
                    .expectStatus()
                    .isNotFound();
        }
        for (String[] route : routes.apply(ours.getId())) {
            call(HttpMethod.valueOf(route[0]), route[1], tinh1, route[2])
                    .expectStatus()
                    .isNotFound();
        }
        for (String[] route : routes.apply(UUID.randomUUID())) {
            call(HttpMethod.valueOf(route[0]), route[1], admin, route[2])
                    .expectStatus()
                    .isNotFound();
        }
        // Nothing of theirs was changed, nor is it listed.
        assertThat(call(HttpMethod.GET, "/api/v1/wards", admin, null)
                        .expectStatus()
                        .isOk()
                        .expectBody(ProvinceWardListDto.class)
                        .returnResult()
                        .getResponseBody()
                        .getItems())
                .extracting(listed -> listed.getId())
                .containsExactly(ours.getId());
        call(HttpMethod.GET, "/api/v1/wards/" + ours.getId() + "/admins", admin, null)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(0);
    }

    @Test
    void aProvinceAdminRunsTheProvincesOwnOfficersAndNoWardsUsers() {
        String wardUser = fixtures.user(Fixtures.DEMO_WARD, "PATROL");
        UUID wardUserId = database.sql("SELECT id FROM app_user WHERE username = :username")
                .bind("username", wardUser)
                .map(row -> row.get("id", UUID.class))
                .one()
                .block();

        String username = Fixtures.uniqueUsername();
        UserDto created = call(
                        HttpMethod.POST,
                        "/api/v1/users",
                        admin,
                        "{\"username\":\"" + username + "\",\"displayName\":\"Giám sát tỉnh\","
                                + "\"roles\":[\"PROVINCE_INSPECTOR\"],\"password\":\"first-password-1\"}")
                .expectStatus()
                .isCreated()
                .expectBody(UserDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(created.getWardCode()).isNull();
        assertThat(created.getProvinceCode()).isEqualTo(mine.province.code());

        UserPageDto page = call(HttpMethod.GET, "/api/v1/users", admin, null)
                .expectStatus()
                .isOk()
                .expectBody(UserPageDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(page.getItems())
                .extracting(UserDto::getUsername)
                .containsExactlyInAnyOrder(mine.admin, mine.inspector, username);

        call(HttpMethod.PATCH, "/api/v1/users/" + created.getId(), admin, "{\"displayName\":\"Giám sát tỉnh 2\"}")
                .expectStatus()
                .isOk();
        call(
                        HttpMethod.POST,
                        "/api/v1/users",
                        admin,
                        "{\"username\":\"" + Fixtures.uniqueUsername() + "\",\"displayName\":\"Tuần tra\","
                                + "\"roles\":[\"PATROL\"],\"password\":\"first-password-1\"}")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("roles");
        // A ward's user, or another province's officer, is not found.
        UUID tinhgs1 = database.sql("SELECT id FROM app_user WHERE username = 'tinhgs1'")
                .map(row -> row.get("id", UUID.class))
                .one()
                .block();
        for (UUID other : new UUID[] {wardUserId, tinhgs1}) {
            call(HttpMethod.GET, "/api/v1/users/" + other, admin, null)
                    .expectStatus()
                    .isNotFound();
            call(HttpMethod.PATCH, "/api/v1/users/" + other, admin, "{\"active\":false}")
                    .expectStatus()
                    .isNotFound();
        }
        // The inspector reads the province, never its users.
        call(HttpMethod.GET, "/api/v1/users", inspector, null).expectStatus().isForbidden();
        call(HttpMethod.GET, "/api/v1/users/" + created.getId(), inspector, null)
                .expectStatus()
                .isForbidden();
    }

    ProvinceWardDetailDto createWard(String code, String name, String area) {
        return call(HttpMethod.POST, "/api/v1/wards", admin, newWard(code, name, area))
                .expectStatus()
                .isCreated()
                .expectBody(ProvinceWardDetailDto.class)
                .returnResult()
                .getResponseBody();
    }

    WebTestClient.ResponseSpec call(HttpMethod method, String path, String bearer, String body) {
        var request = http.method(method).uri(path).header("Authorization", bearer);
        return body == null
                ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchange();
    }

    static String newWard(String code, String name, String area) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"serviceArea\":" + area + "}";
    }

    static String area(String geometry, LocalDate from) {
        return "{\"serviceArea\":" + geometry + ",\"effectiveFrom\":\"" + from + "\"}";
    }

    static String code() {
        return "W" + TestProvince.random(10);
    }

    @SuppressWarnings("unchecked")
    static double firstLongitude(java.util.List<Object> coordinates) {
        var ring = (java.util.List<Object>) coordinates.get(0);
        var position = (java.util.List<Number>) ring.get(0);
        return position.get(0).doubleValue();
    }
}
