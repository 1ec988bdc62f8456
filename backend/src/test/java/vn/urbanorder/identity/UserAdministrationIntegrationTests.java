package vn.urbanorder.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.UserDto;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;

@IntegrationTest
class UserAdministrationIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    UUID ward;
    String admin;

    @BeforeEach
    void aWardWithItsAdmin() {
        ward = fixtures.ward();
        admin = fixtures.bearer(fixtures.user(ward, "WARD_ADMIN"));
    }

    @Test
    void anAdminCreatesAUserWhoCanSignIn() {
        String username = Fixtures.uniqueUsername();

        UserDto created = create(admin, newUser(username, "[\"PATROL\", \"INSPECTOR\"]", null))
                .expectStatus()
                .isCreated()
                .expectHeader()
                .value("Location", location -> assertThat(location).startsWith("/api/v1/users/"))
                .expectBody(UserDto.class)
                .returnResult()
                .getResponseBody();

        assertThat(created.getUsername()).isEqualTo(username);
        assertThat(created.getRoles()).extracting(Enum::name).containsExactly("PATROL", "INSPECTOR");
        assertThat(created.getActive()).isTrue();
        assertThat(fixtures.signIn(username).getUser().getId()).isEqualTo(created.getId());
    }

    @Test
    void theListShowsWhenEachUserLastSignedInAndRenewingTokensDoesNotCount() {
        String never = fixtures.user(ward, "PATROL");
        String signsIn = fixtures.user(ward, "PATROL");
        var before = java.time.OffsetDateTime.now().minusSeconds(5);
        var signedIn = fixtures.signIn(signsIn);

        UserDto seen = user(signedIn.getUser().getId());
        assertThat(seen.getLastSignedInAt())
                .isAfter(before)
                .isBefore(java.time.OffsetDateTime.now().plusSeconds(5));
        http.post()
                .uri("/api/v1/auth/refresh")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"refreshToken\":\"" + signedIn.getRefreshToken() + "\"}")
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(user(signedIn.getUser().getId()).getLastSignedInAt()).isEqualTo(seen.getLastSignedInAt());
        http.get()
                .uri("/api/v1/users?role=PATROL&size=200")
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[?(@.username == '" + never + "')].lastSignedInAt")
                .isEmpty()
                .jsonPath("$.items[?(@.username == '" + signsIn + "')].lastSignedInAt")
                .isNotEmpty();
    }

    @Test
    void aTakenUsernameIsAConflict() {
        String taken = fixtures.user(fixtures.ward(), "PATROL");

        create(admin, newUser(taken, "[\"PATROL\"]", null)).expectStatus().isEqualTo(409);
    }

    @Test
    void badFieldsAreListedAndNothingIsStored() {
        String body = """
                {"username": "Not Valid!", "displayName": "", "roles": [], "password": "short"}
                """;

        http.post()
                .uri("/api/v1/users")
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[*].field")
                .value(fields -> assertThat(fields.toString())
                        .isEqualTo("[\"displayName\",\"password\",\"roles\",\"username\"]"));
        http.get()
                .uri("/api/v1/users?size=200")
                .header("Authorization", admin)
                .exchange()
                .expectBody()
                .jsonPath("$.totalItems")
                .isEqualTo(1);
    }

    @Test
    void aBlankDisplayNameIsInvalidNotAConflict() {
        String body = "{\"username\":\"" + Fixtures.uniqueUsername()
                + "\",\"displayName\":\"   \",\"roles\":[\"PATROL\"],\"password\":\"" + Fixtures.PASSWORD + "\"}";

        create(admin, body)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("displayName");
    }

    @Test
    void aPasswordBcryptCannotHoldIsInvalid() {
        // 30 letters with diacritics: within 72 characters, but 90 bytes in UTF-8.
        String password = "ữ".repeat(30);
        String body = "{\"username\":\"" + Fixtures.uniqueUsername()
                + "\",\"displayName\":\"Vũ Thị Hạnh\",\"roles\":[\"PATROL\"],\"password\":\"" + password + "\"}";

        create(admin, body)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("password");
    }

    @Test
    void theWardKeepsAnActiveAdmin() {
        String other = fixtures.user(ward, "WARD_ADMIN");
        var otherSignedIn = fixtures.signIn(other);
        var first = http.get()
                .uri("/api/v1/me")
                .header("Authorization", admin)
                .exchange()
                .expectBody(UserDto.class)
                .returnResult()
                .getResponseBody();

        patch(admin, "/api/v1/users/" + otherSignedIn.getUser().getId(), "{\"roles\": [\"PATROL\"]}")
                .expectStatus()
                .isOk();
        // The demoted admin's access token still says WARD_ADMIN until it expires, but the ward's
        // last active admin cannot be deactivated by anyone.
        patch("Bearer " + otherSignedIn.getAccessToken(), "/api/v1/users/" + first.getId(), "{\"active\": false}")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("active");
    }

    @Test
    void unitStaffMustHaveAUnit() {
        create(admin, newUser(Fixtures.uniqueUsername(), "[\"UNIT_STAFF\"]", null))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("unitId");
    }

    @Test
    void anUnknownRoleIsRejected() {
        create(admin, newUser(Fixtures.uniqueUsername(), "[\"SUPERUSER\"]", null))
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void theListIsPagedAndFiltered() {
        for (int i = 0; i < 3; i++) {
            fixtures.user(ward, "PATROL");
        }
        fixtures.user(ward, "INSPECTOR");

        http.get()
                .uri("/api/v1/users?page=0&size=2&role=PATROL")
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(2)
                .jsonPath("$.totalItems")
                .isEqualTo(3)
                .jsonPath("$.size")
                .isEqualTo(2);
        http.get()
                .uri("/api/v1/users?page=1&size=2&role=PATROL")
                .header("Authorization", admin)
                .exchange()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(1);
    }

    @Test
    void anOutOfRangePageSizeIsAValidationProblem() {
        http.get()
                .uri("/api/v1/users?size=0")
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("size");
    }

    @Test
    void anotherWardsUserIsNotFound() {
        UUID otherWard = fixtures.ward();
        String stranger = fixtures.user(otherWard, "PATROL");
        String strangerId = fixtures.signIn(stranger).getUser().getId().toString();

        http.get()
                .uri("/api/v1/users/" + strangerId)
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isNotFound();
        http.patch()
                .uri("/api/v1/users/" + strangerId)
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"active\": false}")
                .exchange()
                .expectStatus()
                .isNotFound();
        fixtures.signIn(stranger);
    }

    @Test
    void onlyWardAdminsAdministerUsers() {
        String patrol = fixtures.bearer(fixtures.user(ward, "PATROL"));
        String inspector = fixtures.bearer(fixtures.user(ward, "INSPECTOR"));

        create(patrol, newUser(Fixtures.uniqueUsername(), "[\"PATROL\"]", null))
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        create(inspector, newUser(Fixtures.uniqueUsername(), "[\"WARD_ADMIN\"]", null))
                .expectStatus()
                .isForbidden();
        http.get()
                .uri("/api/v1/users")
                .header("Authorization", patrol)
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void anAdminChangesRolesUnitAndContactDetails() {
        String username = fixtures.user(ward, "PATROL");
        String id = fixtures.signIn(username).getUser().getId().toString();
        UUID unit = fixtures.unit(ward);
        UUID unitOfAnotherWard = fixtures.unit(fixtures.ward());

        http.patch()
                .uri("/api/v1/users/" + id)
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"roles\": [\"UNIT_STAFF\"], \"unitId\": \"" + unitOfAnotherWard + "\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("unitId");

        http.patch()
                .uri("/api/v1/users/" + id)
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"roles\": [\"UNIT_STAFF\"], \"unitId\": \"" + unit
                        + "\", \"displayName\": \"Đỗ Văn Hùng\", \"phone\": \"0987 654 321\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.roles[0]")
                .isEqualTo("UNIT_STAFF")
                .jsonPath("$.unitId")
                .isEqualTo(unit.toString())
                .jsonPath("$.displayName")
                .isEqualTo("Đỗ Văn Hùng");

        http.patch()
                .uri("/api/v1/users/" + id)
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"removeUnit\": true}")
                .exchange()
                .expectStatus()
                .isEqualTo(422);
    }

    @Test
    void aNewPasswordSignsTheUserOutEverywhere() {
        String username = fixtures.user(ward, "PATROL");
        var signedIn = fixtures.signIn(username);

        http.patch()
                .uri("/api/v1/users/" + signedIn.getUser().getId())
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"password\": \"a-brand-new-password\"}")
                .exchange()
                .expectStatus()
                .isOk();

        http.post()
                .uri("/api/v1/auth/refresh")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"refreshToken\":\"" + signedIn.getRefreshToken() + "\"}")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        http.post()
                .uri("/api/v1/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"" + username + "\",\"password\":\"a-brand-new-password\"}")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void anAdminCannotLockThemselvesOut() {
        String adminName = fixtures.user(ward, "WARD_ADMIN");
        var signedIn = fixtures.signIn(adminName);
        String self = "/api/v1/users/" + signedIn.getUser().getId();
        String bearer = "Bearer " + signedIn.getAccessToken();

        patch(bearer, self, "{\"active\": false}").expectStatus().isEqualTo(422);
        patch(bearer, self, "{\"roles\": [\"PATROL\"]}").expectStatus().isEqualTo(422);
    }

    private UserDto user(UUID id) {
        return http.get()
                .uri("/api/v1/users/" + id)
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(UserDto.class)
                .returnResult()
                .getResponseBody();
    }

    private WebTestClient.ResponseSpec patch(String bearer, String uri, String body) {
        return http.patch()
                .uri(uri)
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec create(String bearer, String body) {
        return http.post()
                .uri("/api/v1/users")
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private static String newUser(String username, String roles, UUID unit) {
        return "{\"username\":\"" + username + "\",\"displayName\":\"Nguyễn Thị Mai\",\"roles\":" + roles
                + (unit == null ? "" : ",\"unitId\":\"" + unit + "\"") + ",\"password\":\"" + Fixtures.PASSWORD + "\"}";
    }
}
