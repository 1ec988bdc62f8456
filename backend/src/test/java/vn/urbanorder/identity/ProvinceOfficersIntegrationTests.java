package vn.urbanorder.identity;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;

/** The province's own officers: no ward, only province roles, and none of a ward's records. */
@IntegrationTest
class ProvinceOfficersIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Test
    void aProvinceOfficerSignsInWithTheirProvinceAndNoWard() {
        http.get()
                .uri("/api/v1/me")
                .header("Authorization", fixtures.bearer("tinhgs1"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.provinceCode")
                .isEqualTo("01")
                .jsonPath("$.wardCode")
                .doesNotExist()
                .jsonPath("$.roles[0]")
                .isEqualTo("PROVINCE_INSPECTOR");
    }

    @Test
    void aProvinceOfficerReachesNothingOfAWard() {
        for (String path : new String[] {
            "/api/v1/reports",
            "/api/v1/reports/" + fixtures.bareReport(),
            "/api/v1/units",
            "/api/v1/zones",
            "/api/v1/stats/monthly?month=2026-10",
            "/api/v1/review-queue",
            "/api/v1/locations"
        }) {
            http.get()
                    .uri(path)
                    .header("Authorization", fixtures.bearer("tinh1"))
                    .exchange()
                    .expectStatus()
                    .isForbidden();
        }
        http.post()
                .uri("/api/v1/reports")
                .header("Authorization", fixtures.bearer("tinh1"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void aProvinceAdminCreatesAndChangesAProvinceOfficerButCannotDropTheirOwnAdminRole() {
        String admin = fixtures.bearer("tinh1");
        String id = http.post()
                .uri("/api/v1/users")
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"" + Fixtures.uniqueUsername()
                        + "\",\"displayName\":\"Thanh tra viên\",\"roles\":[\"PROVINCE_INSPECTOR\"],"
                        + "\"password\":\"a-long-password-1\"}")
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(vn.urbanorder.api.model.UserDto.class)
                .returnResult()
                .getResponseBody()
                .getId()
                .toString();

        http.patch()
                .uri("/api/v1/users/" + id)
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"displayName\":\"Thanh tra viên thành phố\",\"active\":false}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.displayName")
                .isEqualTo("Thanh tra viên thành phố")
                .jsonPath("$.active")
                .isEqualTo(false)
                .jsonPath("$.wardCode")
                .doesNotExist();

        http.patch()
                .uri("/api/v1/users/a1000000-0000-4000-8000-000000000120")
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"roles\":[\"PROVINCE_INSPECTOR\"]}")
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("roles");
    }

    @Test
    void aWardAdminCannotGiveAProvinceRoleNorAProvinceAdminAWardRole() {
        http.post()
                .uri("/api/v1/users")
                .header("Authorization", fixtures.bearer("admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        "{\"username\":\"" + Fixtures.uniqueUsername()
                                + "\",\"displayName\":\"Thử\",\"roles\":[\"PROVINCE_ADMIN\"],\"password\":\"a-long-password-1\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("roles");
    }
}
