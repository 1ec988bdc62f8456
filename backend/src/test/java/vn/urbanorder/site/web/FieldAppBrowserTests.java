package vn.urbanorder.site.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Geolocation;
import com.microsoft.playwright.options.SelectOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.api.model.ReportPageDto;
import vn.urbanorder.api.model.ReportPhotoDto;
import vn.urbanorder.testing.BrowserSession;
import vn.urbanorder.testing.BrowserTest;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.PageChecks;
import vn.urbanorder.testing.Submission;
import vn.urbanorder.testing.TestPhotos;
import vn.urbanorder.testing.TestPoints;

/**
 * The field app in Chromium at phone size, as a patrol officer uses it, checked against what the
 * service then holds (through its API).
 */
@BrowserTest
class FieldAppBrowserTests {

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Test
    void aReportWithTwoPhotosAndAPositionArrivesWithItsPhotosAsTaken(BrowserSession browser) {
        String officer = fixtures.user(Fixtures.DEMO_WARD, "PATROL");
        Page page = browser.phone();
        FieldApp app = new FieldApp(page).signedIn(officer, Fixtures.PASSWORD);
        Geolocation position = browser.position(page);
        byte[] first = TestPhotos.jpegTakenAt(position.latitude, position.longitude);
        // Taken 20 minutes ago, by a camera whose clock says +07:00: the report's observedAt.
        OffsetDateTime taken =
                OffsetDateTime.now(ZoneOffset.ofHours(7)).minusMinutes(20).withNano(0);
        byte[] second = TestPhotos.jpegTakenAt(taken);

        app.photos(first, second)
                .positioned()
                .category("Lấn chiếm vỉa hè, lòng đường")
                .address("Số 12 Nguyễn Văn Cừ");
        page.getByLabel("Hành vi").selectOption(new SelectOption().setIndex(1));
        page.getByLabel("Mô tả").fill("Bày hàng hóa chiếm hết vỉa hè");
        BrowserSession.screenshot(page, "field-app-compose");
        app.send();
        String reference = app.sent("Số 12 Nguyễn Văn Cừ");
        BrowserSession.screenshot(page, "field-app-queue-sent");

        List<ReportDto> reports = reportsBy(officer);
        assertThat(reports).hasSize(1);
        ReportDto report = reports.get(0);
        assertThat(report.getReference()).isEqualTo(reference).matches("GT-\\d{4}-\\d{6}");
        assertThat(report.getCategory()).isEqualTo("SIDEWALK_ENCROACHMENT");
        assertThat(report.getSubtype()).isNotNull();
        assertThat(report.getDescription()).isEqualTo("Bày hàng hóa chiếm hết vỉa hè");
        assertThat(report.getLocation().getLat()).isCloseTo(position.latitude, offset(1e-6));
        assertThat(report.getLocation().getLon()).isCloseTo(position.longitude, offset(1e-6));
        assertThat(report.getLocation().getAccuracyM()).isNotNull();
        assertThat(report.getObservedAt().toInstant())
                .as("when the photo was taken")
                .isEqualTo(taken.toInstant());
        assertThat(report.getPhotos())
                .extracting(ReportPhotoDto::getSha256)
                .as("the photos byte for byte, EXIF and all")
                .containsExactly(sha256(first), sha256(second));
        assertThat(page.locator(".entry.sent")).containsText("Giao cho:");
        assertThat(browser.problems(page).policyViolations()).isEmpty();
    }

    @Test
    void aWrongPasswordAndTooManyTriesAreToldApartInVietnamese(BrowserSession browser) {
        String officer = fixtures.user(Fixtures.DEMO_WARD, "PATROL");
        FieldApp app = new FieldApp(browser.phone()).open();

        app.signIn(officer, "not-the-password");
        assertThat(app.page().getByRole(AriaRole.ALERT))
                .hasText("Sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản đã bị khóa.");
        for (int attempt = 2; attempt <= 5; attempt++) {
            app.signIn(officer, "not-the-password-" + attempt);
            assertThat(app.page().getByRole(AriaRole.ALERT)).containsText("Sai tên");
        }
        app.signIn(officer, Fixtures.PASSWORD);
        assertThat(app.page().getByRole(AriaRole.ALERT)).containsText("Đăng nhập sai quá nhiều lần");
        BrowserSession.screenshot(app.page(), "field-app-sign-in-429");
    }

    @Test
    void aProvinceOfficerIsSentToTheConsoleAndKeepsNoSession(BrowserSession browser) {
        FieldApp app = new FieldApp(browser.phone()).open();

        app.signIn("tinhgs1", Fixtures.PASSWORD);

        assertThat(app.page().getByRole(AriaRole.ALERT))
                .containsText("Tài khoản cấp tỉnh, thành phố không gửi phản ánh");
        assertThat(app.page().getByLabel("Tên đăng nhập")).isVisible();
    }

    /** Issue 21's check: an officer the ward admin just created signs in with the one-time password. */
    @Test
    void anOfficerSignsInWithTheWardsOneTimePasswordAndMustChangeItFirst(BrowserSession browser) {
        String officer = Fixtures.uniqueUsername();
        String oneTime = "k7mq-p3xa-9fhd";
        http.post()
                .uri("/api/v1/users")
                .header("Authorization", fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "WARD_ADMIN")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"" + officer + "\",\"displayName\":\"Lê Văn Tuần\",\"roles\":[\"PATROL\"],"
                        + "\"password\":\"" + oneTime + "\"}")
                .exchange()
                .expectStatus()
                .isCreated();
        Page page = browser.phone();
        FieldApp app = new FieldApp(page).open();

        app.signIn(officer, oneTime);
        assertThat(app.heading("Đổi mật khẩu")).isVisible(FieldApp.PATIENT);
        assertThat(page.locator("#tabs")).isHidden();
        // Nothing of that sign-in is kept: closed before the change, the app asks to sign in again.
        page.reload();
        assertThat(app.heading("Đăng nhập")).isVisible(FieldApp.PATIENT);
        app.signIn(officer, oneTime);
        assertThat(app.heading("Đổi mật khẩu")).isVisible(FieldApp.PATIENT);

        Locator fresh = page.getByLabel("Mật khẩu mới", new Page.GetByLabelOptions().setExact(true));
        Locator again = page.getByLabel("Nhập lại mật khẩu mới");
        Locator change = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đổi mật khẩu"));
        fresh.fill("mat-khau-cua-toi");
        again.fill("mat-khau-khac-han");
        change.click();
        assertThat(page.locator("#new-password-again-error")).hasText("Hai lần nhập mật khẩu mới không giống nhau.");
        fresh.fill("ngắn");
        again.fill("ngắn");
        change.click();
        // The service's own rule, beside the field it concerns.
        assertThat(page.locator("#new-password-error")).containsText("cần từ 10 đến 72 ký tự", FieldApp.PATIENT_TEXT);
        assertThat(page.locator("#new-password-again-error")).isHidden();
        assertThat(PageChecks.overflowPx(page)).isZero();
        assertThat(PageChecks.smallTargets(page)).isEmpty();
        assertThat(PageChecks.lowContrast(page)).isEmpty();
        BrowserSession.screenshot(page, "field-app-password-change");

        fresh.fill("một câu dễ nhớ của tôi");
        again.fill("một câu dễ nhớ của tôi");
        change.click();
        assertThat(app.heading("Báo vi phạm mới")).isVisible(FieldApp.PATIENT);
        BrowserSession.screenshot(page, "field-app-password-changed");
        page.reload();
        assertThat(app.heading("Báo vi phạm mới")).isVisible(FieldApp.PATIENT);

        Fixtures.attemptSignIn(http, officer, oneTime).expectStatus().isUnauthorized();
        Fixtures.attemptSignIn(http, officer, "một câu dễ nhớ của tôi")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.user.passwordChangeRequired")
                .isEqualTo(false);
        String kept = (String) page.evaluate("() => new Promise((done) => {"
                + " const open = indexedDB.open('urbanorder-field');"
                + " open.onsuccess = () => { const all = open.result.transaction('values').objectStore('values').getAll();"
                + " all.onsuccess = () => done(JSON.stringify(all.result)); }; })");
        assertThat(kept).doesNotContain(oneTime).doesNotContain("một câu dễ nhớ");
        assertThat(browser.problems(page).policyViolations()).isEmpty();
    }

    @Test
    void aReportOutsideTheWardIsRefusedBesideItsPositionAndCanBeFixedAndResent(BrowserSession browser) {
        String officer = fixtures.user(Fixtures.DEMO_WARD, "PATROL");
        Page page = browser.phone();
        Geolocation inside = browser.position(page);
        FieldApp app = new FieldApp(page)
                .moveTo(new Geolocation(21.0300, 105.8000).setAccuracy(9))
                .signedIn(officer, Fixtures.PASSWORD);

        app.report("Ngoài phường", TestPhotos.uniqueJpeg());

        assertThat(app.entry("Ngoài phường").locator(".problem"))
                .containsText("Vị trí (21.03000, 105.80000): Vị trí nằm ngoài địa bàn");
        BrowserSession.screenshot(page, "field-app-refused");
        app.button("Sửa và gửi lại").click();
        assertThat(page.locator("section.has-error .field-error")).containsText("Vị trí 21.03000, 105.80000");
        app.moveTo(inside);
        app.button("Dùng vị trí hiện tại (±10 m)").click(new Locator.ClickOptions().setTimeout(30_000));
        assertThat(page.locator("section.has-error")).hasCount(0);
        app.send();

        String reference = app.sent("Ngoài phường");
        List<ReportDto> reports = reportsBy(officer);
        assertThat(reports).extracting(ReportDto::getReference).containsExactly(reference);
        assertThat(reports.get(0).getLocation().getLat()).isCloseTo(inside.latitude, offset(1e-6));
    }

    @Test
    void theNearbyCheckListsAnOpenReportTwentyMetresAway(BrowserSession browser) {
        String officer = fixtures.user(Fixtures.DEMO_WARD, "PATROL");
        double[] spot = TestPoints.next();
        ReportDto earlier = Submission.sound()
                .at(spot)
                .category("SANITATION", "LITTERING")
                .submittedWithPhotos(http, fixtures.bearer(officer), TestPhotos.uniqueJpeg());
        Page page = browser.phone();
        // 20 m north of it.
        FieldApp app = new FieldApp(page)
                .moveTo(new Geolocation(spot[0] + 20 / 111_320.0, spot[1]).setAccuracy(6))
                .signedIn(officer, Fixtures.PASSWORD)
                .positioned();

        Locator listed =
                page.locator(".nearby li").filter(new Locator.FilterOptions().setHasText(earlier.getReference()));
        assertThat(listed).isVisible(FieldApp.PATIENT);
        assertThat(listed).containsText("cách 20 m");
        assertThat(listed.locator("img")).isVisible(FieldApp.PATIENT);
        BrowserSession.screenshot(page, "field-app-nearby");

        page.onceDialog(dialog -> dialog.accept());
        listed.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cùng vụ này – không gửi"))
                .click();
        assertThat(page.locator("h1"))
                .containsText(earlier.getReference(), new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(reportsBy(officer)).hasSize(1);
    }

    @Test
    void anInspectorOnARoundReportsOnItWithTheSameApp(BrowserSession browser) {
        String inspector = fixtures.user(Fixtures.DEMO_WARD, "INSPECTOR");
        String admin = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "WARD_ADMIN"));
        UUID inspectorId =
                UUID.fromString(fixtures.signIn(inspector).getUser().getId().toString());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        http.post()
                .uri("/api/v1/inspection-rounds")
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"title": "Kiểm tra vỉa hè tháng 12", "startedOn": "%s", "endedOn": "%s", "zoneCodes": [],
                         "memberIds": ["%s"]}""".formatted(today, today.plusDays(2), inspectorId))
                .exchange()
                .expectStatus()
                .isCreated();
        FieldApp app = new FieldApp(browser.phone()).signedIn(inspector, Fixtures.PASSWORD);

        assertThat(app.page().getByLabel("Đợt kiểm tra")).containsText("Kiểm tra vỉa hè tháng 12");
        app.photos(TestPhotos.uniqueJpeg())
                .positioned()
                .category("Vệ sinh môi trường")
                .address("Đợt kiểm tra MTTQ");
        app.page().getByLabel("Đợt kiểm tra").selectOption(new SelectOption().setLabel("Kiểm tra vỉa hè tháng 12"));
        app.send();
        app.sent("Đợt kiểm tra MTTQ");

        assertThat(reportsBy(inspector)).singleElement().satisfies(report -> assertThat(report.getInspectionRoundId())
                .isNotNull());
    }

    private List<ReportDto> reportsBy(String username) {
        String bearer = fixtures.bearer(username);
        String id = fixtures.signIn(username).getUser().getId().toString();
        ReportPageDto page = http.get()
                .uri("/api/v1/reports?reporterId=" + id)
                .header("Authorization", bearer)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ReportPageDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(page).isNotNull();
        return page.getItems();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
