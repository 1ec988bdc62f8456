package vn.urbanorder.console.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.api.model.ReportEventDto;
import vn.urbanorder.api.model.ReportEventListDto;
import vn.urbanorder.api.model.ReportPhotoDto;
import vn.urbanorder.testing.BrowserSession;
import vn.urbanorder.testing.BrowserTest;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.PageChecks;
import vn.urbanorder.testing.Submission;
import vn.urbanorder.testing.TestPhotos;

/**
 * A report's actions on its console page, as unit staff take them: only what the API allows is
 * offered, each goes to the API at the version shown, and what the API refuses (someone acted
 * first, not allowed, not now, fields to fix, no CSRF token) is told on the fresh report, with
 * nothing applied twice. Checked through the API.
 */
@BrowserTest
class ConsoleActionsBrowserTests {

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Test
    void unitStaffAcceptThenResolveWithAnAfterPhotoThatArrivesByteForByte(BrowserSession browser) {
        ReportDto report = sanitationReport();
        String staff = staffOf(report);
        Page page = browser.desk();
        Console console = new Console(page).signedIn(staff, Fixtures.PASSWORD).open(pageOf(report));

        // ASSIGNED: this person may accept it, and nothing else.
        assertThat(console.button("Nhận xử lý")).isVisible();
        assertThat(console.button("Báo đã xử lý")).hasCount(0);
        assertThat(console.button("Xác minh đã xử lý")).hasCount(0);
        assertThat(console.button("Không xử lý")).hasCount(0);
        BrowserSession.screenshot(page, "console-actions-assigned");

        console.button("Nhận xử lý").click();
        assertThat(page.getByRole(AriaRole.STATUS))
                .hasText("Đã làm: Nhận xử lý. Phản ánh nay ở trạng thái «Đang xử lý».");
        assertThat(console.button("Nhận xử lý")).hasCount(0);

        byte[] atTheSpot = TestPhotos.jpegTakenAt(
                report.getLocation().getLat(), report.getLocation().getLon());
        // Past the in-memory size of a form part: spooled, then streamed on to the API.
        byte[] large = TestPhotos.noisyJpeg(1600, 1200);
        assertThat(large.length).isGreaterThan(256 * 1024);
        page.getByLabel("Kết quả xử lý").fill("Đã thu dọn rác, vệ sinh lại vỉa hè.");
        page.getByLabel("Ảnh sau xử lý (1–6 ảnh, mỗi ảnh tối đa 10 MB)").setInputFiles(new FilePayload[] {
            new FilePayload("sau-1.jpg", "image/jpeg", atTheSpot), new FilePayload("sau-2.jpg", "image/jpeg", large)
        });
        BrowserSession.screenshot(page, "console-actions-resolve-form");
        // The action's controls are large enough to hit on a tablet (the bar's links are the layout's).
        assertThat(PageChecks.smallTargets(page))
                .filteredOn(target -> !target.startsWith("a "))
                .isEmpty();
        assertThat(PageChecks.lowContrast(page)).isEmpty();
        console.button("Báo đã xử lý").click();

        assertThat(page.getByRole(AriaRole.STATUS))
                .hasText("Đã làm: Báo đã xử lý. Phản ánh nay ở trạng thái «Đã xử lý».");
        assertThat(page.locator(".actions-card")).hasCount(0);
        assertThat(PageChecks.lowContrast(page)).isEmpty();
        assertThat(PageChecks.overflowPx(page)).isLessThanOrEqualTo(0);
        assertThat(browser.problems(page).errors()).isEmpty();
        BrowserSession.screenshot(page, "console-actions-resolved");

        ReportDto now = read(report, staff);
        assertThat(now.getStatus().getValue()).isEqualTo("RESOLVED");
        List<ReportPhotoDto> after = now.getPhotos().stream()
                .filter(photo -> photo.getStage() != null
                        && "RESOLUTION".equals(photo.getStage().getValue()))
                .toList();
        assertThat(after)
                .extracting(ReportPhotoDto::getSha256)
                .containsExactlyInAnyOrder(sha256(atTheSpot), sha256(large));
        assertThat(types(report, staff)).containsExactly("SUBMITTED", "ASSIGNED", "ACCEPT", "RESOLVE");
    }

    @Test
    void theSecondOfTwoActingOnTheSameVersionIsToldWhatChangedAndNothingIsAppliedTwice(BrowserSession browser) {
        ReportDto report = sanitationReport();
        String first = staffOf(report);
        String second = staffOf(report);
        Console one =
                new Console(browser.desk()).signedIn(first, Fixtures.PASSWORD).open(pageOf(report));
        Console two =
                new Console(browser.desk()).signedIn(second, Fixtures.PASSWORD).open(pageOf(report));
        assertThat(two.button("Nhận xử lý")).isVisible();

        one.button("Nhận xử lý").click();
        assertThat(one.page().getByRole(AriaRole.STATUS)).isVisible();
        two.button("Nhận xử lý").click();

        Locator told = two.page().getByRole(AriaRole.ALERT);
        assertThat(told)
                .containsText("Phản ánh đã được người khác cập nhật (nay: Đang xử lý). Việc «Nhận xử lý» bạn vừa gửi"
                        + " chưa được thực hiện. Hãy xem lại rồi làm tiếp.");
        assertThat(told).containsText("Thay đổi gần nhất: Đơn vị nhận xử lý – Người dùng " + first);
        // The fresh report: the next step is offered, the taken one is not.
        assertThat(two.button("Báo đã xử lý")).isVisible();
        assertThat(two.button("Nhận xử lý")).hasCount(0);
        BrowserSession.screenshot(two.page(), "console-actions-conflict");

        ReportDto now = read(report, first);
        assertThat(now.getVersion()).isEqualTo(report.getVersion() + 1);
        assertThat(types(report, first)).containsExactly("SUBMITTED", "ASSIGNED", "ACCEPT");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndChangesNothing(BrowserSession browser) {
        ReportDto report = sanitationReport();
        String staff = staffOf(report);
        Page page = browser.desk();
        new Console(page).signedIn(staff, Fixtures.PASSWORD).open(pageOf(report));

        // With the session's cookie, as a forged form on another site would send it, but no token.
        APIResponse plain = page.context()
                .request()
                .post(
                        pageOf(report) + "/actions",
                        RequestOptions.create()
                                .setForm(FormData.create()
                                        .set("action", "ACCEPT")
                                        .set("version", String.valueOf(report.getVersion())))
                                .setMaxRedirects(0));
        APIResponse withFiles = page.context()
                .request()
                .post(
                        pageOf(report) + "/resolve?version=" + report.getVersion(),
                        RequestOptions.create()
                                .setMultipart(FormData.create()
                                        .set("note", "Đã xử lý")
                                        .set(
                                                "photos",
                                                new FilePayload("sau.jpg", "image/jpeg", TestPhotos.uniqueJpeg())))
                                .setMaxRedirects(0));

        assertThat(plain.status()).isEqualTo(403);
        assertThat(plain.text()).contains("thiếu mã bảo vệ của trang (CSRF)");
        assertThat(withFiles.status()).isEqualTo(403);
        ReportDto now = read(report, staff);
        assertThat(now.getVersion()).isEqualTo(report.getVersion());
        assertThat(now.getStatus().getValue()).isEqualTo("ASSIGNED");
        assertThat(types(report, staff)).containsExactly("SUBMITTED", "ASSIGNED");
    }

    @Test
    void actionsThePageDidNotOfferArePostedByHandAndTheApiRefusesThem(BrowserSession browser) {
        ReportDto report = sanitationReport();
        String staff = staffOf(report);
        Page page = browser.desk();
        Console console = new Console(page).signedIn(staff, Fixtures.PASSWORD).open(pageOf(report));
        Locator action = page.locator("form.action input[name=action]");

        // VERIFY is the ward's: the API refuses it to unit staff (403).
        action.evaluate("input => { input.value = 'VERIFY'; }");
        console.button("Nhận xử lý").click();
        assertThat(page.getByRole(AriaRole.ALERT))
                .hasText("Bạn không được «Xác minh đã xử lý» phản ánh này. Chưa có gì thay đổi.");
        BrowserSession.screenshot(page, "console-actions-refused");

        // RESOLVE is this unit's, but not from ASSIGNED (409).
        action.evaluate("input => { input.value = 'RESOLVE'; }");
        console.button("Nhận xử lý").click();
        assertThat(page.getByRole(AriaRole.ALERT))
                .hasText("Không thể «Báo đã xử lý» khi phản ánh đang ở trạng thái «Đã giao». Chưa có gì thay đổi.");

        ReportDto now = read(report, staff);
        assertThat(now.getVersion()).isEqualTo(report.getVersion());
        assertThat(types(report, staff)).containsExactly("SUBMITTED", "ASSIGNED");
    }

    @Test
    void resolvingWithoutANoteOrAPhotoShowsTheApisErrorsBesideTheFields(BrowserSession browser) {
        ReportDto report = sanitationReport();
        String staff = staffOf(report);
        Page page = browser.desk();
        Console console = new Console(page).signedIn(staff, Fixtures.PASSWORD).open(pageOf(report));
        console.button("Nhận xử lý").click();
        assertThat(console.button("Báo đã xử lý")).isVisible();

        // Seven photos: told before anything is sent.
        Locator photos = page.getByLabel("Ảnh sau xử lý (1–6 ảnh, mỗi ảnh tối đa 10 MB)");
        FilePayload[] seven = new FilePayload[7];
        for (int i = 0; i < seven.length; i++) {
            seven[i] = new FilePayload("sau-" + i + ".jpg", "image/jpeg", TestPhotos.uniqueJpeg());
        }
        photos.setInputFiles(seven);
        console.button("Báo đã xử lý").click();
        assertThat(photos.evaluate("input => input.validationMessage")).isEqualTo("Chọn nhiều nhất 6 ảnh.");
        assertThat(page)
                .hasURL(browser.baseUrl() + pageOf(report) + "?outcome=done&action=ACCEPT&seen=" + report.getVersion());
        photos.setInputFiles(new java.nio.file.Path[0]);

        // The browser's own checks stepped over, as an old browser would.
        page.locator("form.action").evaluate("form => form.noValidate = true");
        page.getByLabel("Kết quả xử lý").fill("   ");
        console.button("Báo đã xử lý").click();

        assertThat(page.getByRole(AriaRole.ALERT))
                .hasText("Chưa gửi được «Báo đã xử lý»: hãy sửa những chỗ được báo bên dưới.");
        assertThat(page.locator("form.action .error")).containsText(new String[] {
            "Cần ghi kết quả xử lý.", "Cần ít nhất một ảnh sau xử lý, gửi dạng multipart/form-data."
        });
        BrowserSession.screenshot(page, "console-actions-invalid");
        assertThat(read(report, staff).getStatus().getValue()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void theWardOfficeSeesItsOwnActionsAndReassignsToAnotherUnitWithAReason(BrowserSession browser) {
        ReportDto report = sanitationReport();
        String admin = fixtures.user(Fixtures.DEMO_WARD, "WARD_ADMIN");
        Page page = browser.desk();
        Console console = new Console(page).signedIn(admin, Fixtures.PASSWORD).open(pageOf(report));

        assertThat(console.button("Không xử lý")).isVisible();
        assertThat(console.button("Giao đơn vị khác")).isVisible();
        assertThat(console.button("Nhận xử lý")).hasCount(0);
        assertThat(page.getByLabel("Lý do", new Page.GetByLabelOptions().setExact(true)))
                .containsText("Trùng phản ánh khác");
        BrowserSession.screenshot(page, "console-actions-ward-office");

        Locator unit = page.getByLabel("Đơn vị nhận");
        String chosen = unit.locator("option").nth(1).textContent().trim();
        unit.selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        page.getByLabel("Lý do chuyển đơn vị").fill("Việc của đơn vị khác.");
        console.button("Giao đơn vị khác").click();

        assertThat(page.getByRole(AriaRole.STATUS))
                .hasText("Đã làm: Giao đơn vị khác. Phản ánh nay ở trạng thái «Đã giao».");
        ReportDto now = read(report, admin);
        assertThat(now.getAssignment().getUnit().getName()).isEqualTo(chosen);
        assertThat(types(report, admin)).containsExactly("SUBMITTED", "ASSIGNED", "REASSIGN");
    }

    private ReportDto sanitationReport() {
        String officer = fixtures.user(Fixtures.DEMO_WARD, "PATROL");
        return Submission.sound()
                .category("SANITATION", "LITTERING")
                .submittedWithPhotos(http, fixtures.bearer(officer), TestPhotos.uniqueJpeg());
    }

    /** A new member of the unit the demo ward's rules sent the report to. */
    private String staffOf(ReportDto report) {
        assertThat(report.getAssignment()).isNotNull();
        UUID unit = report.getAssignment().getUnit().getId();
        return fixtures.user(Fixtures.DEMO_WARD, unit, "UNIT_STAFF");
    }

    private static String pageOf(ReportDto report) {
        return "/console/reports/" + report.getId();
    }

    private ReportDto read(ReportDto report, String user) {
        return http.get()
                .uri("/api/v1/reports/" + report.getId())
                .header("Authorization", fixtures.bearer(user))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();
    }

    private List<String> types(ReportDto report, String user) {
        return http
                .get()
                .uri("/api/v1/reports/" + report.getId() + "/events")
                .header("Authorization", fixtures.bearer(user))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ReportEventListDto.class)
                .returnResult()
                .getResponseBody()
                .getItems()
                .stream()
                .map(ReportEventDto::getType)
                .toList();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
