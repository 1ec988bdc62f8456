package vn.urbanorder.console.web.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;

/**
 * The ward office's people and units pages and everyone's password page over HTTP: who may open
 * them, another ward's people and units staying out of reach, the API's refusals beside their
 * fields, CSRF-less posts refused, and the one-time password shown once and never kept.
 */
@IntegrationTest
class ConsolePeopleIntegrationTests {

    private static final Pattern ONE_TIME_PASSWORD =
            Pattern.compile("class=\"one-time-password\">([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})<");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DatabaseClient database;

    Desk desk;
    UUID ward;
    Desk.Session admin;

    @BeforeEach
    void aWardWithItsAdmin() {
        desk = Desk.on(port);
        ward = fixtures.ward();
        admin = desk.signIn(fixtures.user(ward, "WARD_ADMIN"), Fixtures.PASSWORD);
    }

    @Test
    void unitStaffInspectorsAndPatrolsGetTheForbiddenPageAndChangeNothing() {
        UUID unit = fixtures.unit(ward);
        UUID someone = id(fixtures.user(ward, "PATROL"));
        List<String> people = List.of(
                fixtures.user(ward, unit, "UNIT_STAFF"),
                fixtures.user(ward, "INSPECTOR"),
                fixtures.user(ward, "PATROL"));
        for (String person : people) {
            Desk.Session session = desk.signIn(person, Fixtures.PASSWORD);
            for (String path : List.of(
                    "/console/people",
                    "/console/people/new",
                    "/console/people/" + someone,
                    "/console/units",
                    "/console/units/" + unit)) {
                desk.get(session, path)
                        .expectStatus()
                        .isForbidden()
                        .expectBody(String.class)
                        .value(page -> assertThat(page).contains("Không được phép"));
            }
            desk.post(session, "/console/people/" + someone + "/active", Desk.form("active", "false"))
                    .expectStatus()
                    .isForbidden();
            desk.post(session, "/console/units/" + unit + "/active", Desk.form("active", "false"))
                    .expectStatus()
                    .isForbidden();
            desk.post(session, "/console/people/" + someone + "/password", Desk.form())
                    .expectStatus()
                    .isForbidden()
                    .expectBody(String.class)
                    .value(page -> assertThat(page).doesNotContain("one-time-password"));
            // Their own password page is everyone's.
            desk.get(session, "/console/account").expectStatus().isOk();
        }
        assertThat(active("app_user", someone)).isTrue();
        assertThat(active("unit", unit)).isTrue();
    }

    @Test
    void anotherWardsAdminFindsNeitherItsPeopleNorItsUnits() {
        String person = fixtures.user(ward, "PATROL");
        UUID personId = id(person);
        UUID unit = fixtures.unit(ward);
        Desk.Session stranger = desk.signIn(fixtures.user(fixtures.ward(), "WARD_ADMIN"), Fixtures.PASSWORD);

        desk.get(stranger, "/console/people/" + personId).expectStatus().isNotFound();
        desk.get(stranger, "/console/units/" + unit).expectStatus().isNotFound();
        desk.post(stranger, "/console/people/" + personId + "/active", Desk.form("active", "false"))
                .expectStatus()
                .isNotFound();
        desk.post(stranger, "/console/people/" + personId + "/password", Desk.form())
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .value(page -> assertThat(page).doesNotContain("one-time-password"));
        desk.post(stranger, "/console/people/" + personId, Desk.form("displayName", "Đổi tên", "roles", "WARD_ADMIN"))
                .expectStatus()
                .isNotFound();
        desk.post(stranger, "/console/units/" + unit, Desk.form("name", "Đổi tên", "kind", "OTHER"))
                .expectStatus()
                .isNotFound();
        desk.post(stranger, "/console/units/" + unit + "/active", Desk.form("active", "false"))
                .expectStatus()
                .isNotFound();
        desk.get(stranger, "/console/people")
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(page -> assertThat(page).doesNotContain(person));

        assertThat(active("app_user", personId)).isTrue();
        assertThat(active("unit", unit)).isTrue();
        desk.signIn(person, Fixtures.PASSWORD);
    }

    @Test
    void postsWithoutThePagesTokenAreRefusedAndChangeNothing() {
        String person = fixtures.user(ward, "PATROL");
        UUID personId = id(person);
        UUID unit = fixtures.unit(ward);
        String username = Fixtures.uniqueUsername();

        desk.postWithoutToken(admin, "/console/people/" + personId + "/password", Desk.form())
                .expectStatus()
                .isForbidden()
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("thiếu mã bảo vệ").doesNotContain("one-time-password"));
        desk.postWithoutToken(admin, "/console/people/" + personId + "/active", Desk.form("active", "false"))
                .expectStatus()
                .isForbidden();
        desk.postWithoutToken(
                        admin,
                        "/console/people",
                        Desk.form("username", username, "displayName", "Lê Văn Tám", "roles", "PATROL"))
                .expectStatus()
                .isForbidden();
        desk.postWithoutToken(admin, "/console/units/" + unit + "/active", Desk.form("active", "false"))
                .expectStatus()
                .isForbidden();
        desk.postWithoutToken(
                        admin,
                        "/console/account/password",
                        Desk.form(
                                "currentPassword", Fixtures.PASSWORD,
                                "newPassword", "a-new-password-9",
                                "newPasswordAgain", "a-new-password-9"))
                .expectStatus()
                .isForbidden();

        assertThat(active("app_user", personId)).isTrue();
        assertThat(active("unit", unit)).isTrue();
        assertThat(count("SELECT count(*) AS n FROM app_user WHERE username = '" + username + "'"))
                .isZero();
        desk.signIn(person, Fixtures.PASSWORD);
        desk.get(admin, "/console/people").expectStatus().isOk();
    }

    @Test
    void theApisRefusalsShowBesideTheirFields() {
        String taken = fixtures.user(fixtures.ward(), "PATROL");

        desk.post(
                        admin,
                        "/console/people",
                        Desk.form("username", "Không Hợp Lệ", "displayName", "", "roles", "UNIT_STAFF"))
                .expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody(String.class)
                .value(page -> assertThat(page)
                        .contains("Hãy sửa các ô được đánh dấu")
                        .contains("value=\"Không Hợp Lệ\"")
                        .containsPattern("name=\"username\"[^>]*>\\s*<p class=\"error\">")
                        .containsPattern("name=\"displayName\"[^>]*>\\s*<p class=\"error\">"));
        desk.post(
                        admin,
                        "/console/people",
                        Desk.form("username", taken, "displayName", "Lê Văn Tám", "roles", "PATROL"))
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("Tên đăng nhập này đã có người dùng."));
        desk.post(admin, "/console/units", Desk.form("code", "vsmt có dấu", "name", "Tổ vệ sinh", "kind", "SANITATION"))
                .expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody(String.class)
                .value(page -> assertThat(page).containsPattern("name=\"code\"[^>]*>\\s*<p class=\"error\">"));
        assertThat(count("SELECT count(*) AS n FROM unit WHERE ward_id = '" + ward + "'"))
                .isZero();

        // The admin cannot lock themself out: the API's reason, beside the button.
        UUID self = id(adminName());
        desk.post(admin, "/console/people/" + self + "/active", Desk.form("active", "false"))
                .expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("Không thể tự khoá tài khoản của chính mình."));
    }

    @Test
    void aResetPasswordIsShownOnceNeverCachedAndSignsThePersonIn() {
        String person = fixtures.user(ward, "PATROL");
        UUID personId = id(person);
        Desk.Session theirs = desk.signIn(person, Fixtures.PASSWORD);

        var answer = desk.post(admin, "/console/people/" + personId + "/password", Desk.form())
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Cache-Control", "no-store")
                .returnResult(String.class);
        String page = String.join("", answer.getResponseBody().collectList().block());
        Matcher shown = ONE_TIME_PASSWORD.matcher(page);
        assertThat(shown.find()).as("the one-time password on the page").isTrue();
        String password = shown.group(1);

        // Their open session ended with the reset; the old password opens nothing, the new one does.
        desk.get(theirs, "/console/queue").expectStatus().isSeeOther();
        desk.attemptSignIn(person, Fixtures.PASSWORD).expectStatus().isUnauthorized();
        desk.signIn(person, password);
        // Shown once: the person's page does not carry it.
        desk.get(admin, "/console/people/" + personId)
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(again -> assertThat(again).doesNotContain(password));
    }

    @Test
    void aPasswordTheAdminSetIsChangedBeforeAnyOtherPageOpens() {
        String person = fixtures.user(ward, "INSPECTOR");
        UUID personId = id(person);
        String page = String.join(
                "",
                desk.post(admin, "/console/people/" + personId + "/password", Desk.form())
                        .expectStatus()
                        .isOk()
                        .returnResult(String.class)
                        .getResponseBody()
                        .collectList()
                        .block());
        assertThat(page).contains("người dùng sẽ phải đổi sang mật khẩu của riêng mình");
        Matcher shown = ONE_TIME_PASSWORD.matcher(page);
        assertThat(shown.find()).isTrue();
        String oneTime = shown.group(1);
        desk.get(admin, "/console/people/" + personId).expectBody(String.class).value(again -> assertThat(again)
                .contains("Chưa đổi mật khẩu dùng một lần"));

        Desk.Session session = desk.signIn(person, oneTime);
        for (String path : List.of("/console/", "/console/queue", "/console/reviews", "/console/people")) {
            desk.get(session, path).expectStatus().isSeeOther().expectHeader().location("/console/account");
        }
        desk.post(session, "/console/people/" + personId + "/active", Desk.form("active", "false"))
                .expectStatus()
                .isSeeOther()
                .expectHeader()
                .location("/console/account");
        // A partial update (htmx) is told to send the whole page there.
        desk.getPartial(session, "/console/queue?status=NEW")
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .valueEquals("HX-Redirect", "/console/account");
        desk.get(session, "/console/account")
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(account -> assertThat(account).contains("Mật khẩu bạn đang dùng do người quản trị đặt."));

        desk.post(
                        session,
                        "/console/account/password",
                        Desk.form(
                                "currentPassword", oneTime,
                                "newPassword", "mật khẩu của riêng tôi",
                                "newPasswordAgain", "mật khẩu của riêng tôi"))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(changed -> assertThat(changed).contains("Đã đổi mật khẩu"));
        Desk.Session own = desk.signIn(person, "mật khẩu của riêng tôi");
        desk.get(own, "/console/queue").expectStatus().isOk();
        desk.get(own, "/console/account")
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(account -> assertThat(account).doesNotContain("do người quản trị đặt"));
        assertThat(active("app_user", personId)).isTrue();
    }

    @Test
    void aPersonChangesTheirOwnPasswordAndSignsInAgainWithIt() {
        String person = fixtures.user(ward, "INSPECTOR");
        Desk.Session session = desk.signIn(person, Fixtures.PASSWORD);

        desk.post(
                        session,
                        "/console/account/password",
                        Desk.form(
                                "currentPassword", "not-my-password",
                                "newPassword", "mật khẩu mới dễ nhớ",
                                "newPasswordAgain", "mật khẩu mới dễ nhớ"))
                .expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("Mật khẩu hiện tại không đúng."));
        desk.post(
                        session,
                        "/console/account/password",
                        Desk.form(
                                "currentPassword", Fixtures.PASSWORD,
                                "newPassword", "ngắn",
                                "newPasswordAgain", "ngắn"))
                .expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody(String.class)
                .value(page -> assertThat(page).containsPattern("name=\"newPassword\"[^>]*>\\s*<p class=\"error\">"));
        desk.post(
                        session,
                        "/console/account/password",
                        Desk.form(
                                "currentPassword", Fixtures.PASSWORD,
                                "newPassword", "mật khẩu mới dễ nhớ",
                                "newPasswordAgain", "mật khẩu mới dễ nhớ khác"))
                .expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("Hai lần nhập mật khẩu mới không giống nhau."));
        desk.signIn(person, Fixtures.PASSWORD);

        desk.post(
                        session,
                        "/console/account/password",
                        Desk.form(
                                "currentPassword", Fixtures.PASSWORD,
                                "newPassword", "mật khẩu mới dễ nhớ",
                                "newPasswordAgain", "mật khẩu mới dễ nhớ"))
                .expectStatus()
                .isOk()
                .expectHeader()
                .value(
                        "Set-Cookie",
                        cookie -> assertThat(cookie).contains("UO_DESK=;").contains("Max-Age=0"))
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("Đã đổi mật khẩu").contains("/console/sign-in"));

        desk.get(session, "/console/queue").expectStatus().isSeeOther();
        desk.attemptSignIn(person, Fixtures.PASSWORD).expectStatus().isUnauthorized();
        desk.get(desk.signIn(person, "mật khẩu mới dễ nhớ"), "/console/account")
                .expectStatus()
                .isOk();
        // The console kept no tokens: the pair the API answered for the change was signed out.
        assertThat(count("SELECT count(*) AS n FROM refresh_token WHERE user_id = '" + id(person)
                        + "' AND revoked_at IS NULL"))
                .isZero();
    }

    private String adminName() {
        return database.sql("SELECT username FROM app_user WHERE ward_id = :ward AND 'WARD_ADMIN' = ANY (roles)")
                .bind("ward", ward)
                .map(row -> row.get("username", String.class))
                .one()
                .block();
    }

    private UUID id(String username) {
        return database.sql("SELECT id FROM app_user WHERE username = :name")
                .bind("name", username)
                .map(row -> row.get("id", UUID.class))
                .one()
                .block();
    }

    private boolean active(String table, UUID id) {
        return database.sql("SELECT active FROM " + table + " WHERE id = :id")
                .bind("id", id)
                .map(row -> row.get("active", Boolean.class))
                .one()
                .block();
    }

    private long count(String sql) {
        return database.sql(sql).map(row -> row.get("n", Long.class)).one().block();
    }
}
