package vn.urbanorder.console.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.api.model.ReviewListDto;
import vn.urbanorder.api.model.UnitDto;
import vn.urbanorder.demo.DemoMap;
import vn.urbanorder.testing.BrowserSession;
import vn.urbanorder.testing.BrowserTest;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.PageChecks;
import vn.urbanorder.testing.Resolutions;
import vn.urbanorder.testing.Submission;
import vn.urbanorder.testing.TestPhotos;

/**
 * The console's pages for MTTQ inspectors in Chromium at a desk: a dispute that sends a report
 * back to its unit (whose queue shows it without a reload), inspection rounds, who may not open
 * these pages, and a description that tries to be a script.
 */
@BrowserTest
class ConsoleInspectorsBrowserTests {

    /** The unit queue polls every 20 s; a little more for a busy machine, within the 30 s. */
    private static final LocatorAssertions.HasTextOptions WITHIN_POLL =
            new LocatorAssertions.HasTextOptions().setTimeout(30_000);

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DemoMap demoMap;

    String admin;
    String patrol;

    @BeforeEach
    void ward() {
        demoMap.ready().block();
        admin = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "WARD_ADMIN"));
        patrol = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "PATROL"));
    }

    @Test
    void anInspectorDisputesAResolutionAndTheUnitsOpenQueueShowsItReopenedWithoutAReload(BrowserSession browser) {
        UUID unit = freshUnit();
        String staffName = fixtures.user(Fixtures.DEMO_WARD, unit, "UNIT_STAFF");
        ReportDto report = reassigned(
                Submission.sound()
                        .category("SANITATION", "LITTERING")
                        .submittedWithPhotos(http, patrol, TestPhotos.uniqueJpeg()),
                unit);
        Resolutions.acceptAndResolve(http, fixtures.bearer(staffName), report);

        // The unit's staff keep their queue open, showing what they resolved and what comes back.
        Page staffPage = browser.desk();
        Console staff = new Console(staffPage).signedIn(staffName, Fixtures.PASSWORD);
        staff.open("/console/queue?status=RESOLVED&status=REOPENED");
        Locator row = staffPage.locator("tr[data-id='" + report.getId() + "'] .status");
        assertThat(row).hasText("Đã xử lý");
        staffPage.evaluate("() => { window.keptOpen = true; }");

        String inspectorName = fixtures.user(Fixtures.DEMO_WARD, "INSPECTOR");
        Page inspectorPage = browser.desk();
        Console inspector = new Console(inspectorPage).signedIn(inspectorName, Fixtures.PASSWORD);
        inspector.link("Chờ đánh giá").click();
        inspector.ready();
        inspectorPage.getByLabel("Đơn vị").selectOption(unit.toString());
        assertThat(inspectorPage.locator("#review-rows tr[data-id='" + report.getId() + "']"))
                .isVisible(Console.PATIENT);
        // The filter's answer replaces the whole list: wait for it, not only for the row.
        assertThat(inspectorPage.locator("#review-rows tbody tr"))
                .hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(30_000));
        BrowserSession.screenshot(inspectorPage, "console-review-queue");
        assertThat(PageChecks.overflowPx(inspectorPage)).isZero();
        inspector.link(report.getReference()).click();
        inspector.ready();

        assertThat(inspectorPage.locator(".notice")).hasCount(0);
        inspectorPage.getByLabel("Không đồng ý, trả lại đơn vị").check();
        inspectorPage.getByLabel("Nhận xét").fill("Rác vẫn còn ở góc ngõ, chưa xử lý triệt để.");
        inspectorPage
                .getByLabel("Ảnh kèm theo (không bắt buộc, tối đa 6 ảnh)")
                .setInputFiles(new FilePayload("mttq.jpg", "image/jpeg", TestPhotos.uniqueJpeg()));
        BrowserSession.screenshot(inspectorPage, "console-review-form");
        inspector.button("Gửi đánh giá").click();

        assertThat(inspectorPage.getByRole(com.microsoft.playwright.options.AriaRole.STATUS))
                .containsText(
                        "phản ánh được mở lại và trả về",
                        new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(inspectorPage.locator("h1 .status")).hasText("Mở lại");
        assertThat(inspectorPage.locator(".reviews")).containsText("Rác vẫn còn ở góc ngõ");
        BrowserSession.screenshot(inspectorPage, "console-review-disputed");

        ReportDto reopened = http.get()
                .uri("/api/v1/reports/" + report.getId())
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(reopened.getStatus().getValue()).isEqualTo("REOPENED");
        ReviewListDto reviews = http.get()
                .uri("/api/v1/reports/" + report.getId() + "/reviews")
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ReviewListDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(reviews.getItems()).singleElement().satisfies(review -> {
            assertThat(review.getVerdict().getValue()).isEqualTo("DISPUTED");
            assertThat(review.getPhotos()).hasSize(1);
        });

        // No reload: the same document, its rows redrawn by the 20 s poll.
        assertThat(row).hasText("Mở lại", WITHIN_POLL);
        assertThat(staffPage.evaluate("() => window.keptOpen === true")).isEqualTo(true);
        BrowserSession.screenshot(staffPage, "console-unit-queue-reopened");
    }

    @Test
    void patrolsAndUnitStaffGetTheForbiddenPageOnTheInspectorsPages(BrowserSession browser) {
        List<String> people = List.of(
                fixtures.user(Fixtures.DEMO_WARD, "PATROL"),
                fixtures.user(Fixtures.DEMO_WARD, fixtures.unit(Fixtures.DEMO_WARD), "UNIT_STAFF"));
        for (String person : people) {
            Page page = browser.desk();
            Console console = new Console(page).signedIn(person, Fixtures.PASSWORD);
            assertThat(console.link("Chờ đánh giá")).hasCount(0);
            assertThat(console.link("Đợt kiểm tra")).hasCount(0);
            for (String path : List.of("/console/reviews", "/console/rounds", "/console/scorecards")) {
                Response response = page.navigate(path);
                assertThat(response.status()).as(person + " on " + path).isEqualTo(403);
                assertThat(console.heading("Không được phép")).isVisible();
            }
            BrowserSession.screenshot(page, "console-inspector-page-forbidden-" + people.indexOf(person));
            page.context().close();
        }
    }

    @Test
    void anInspectorStartsARoundAndItShowsTheReportsFoundOnIt(BrowserSession browser) {
        String inspectorName = fixtures.user(Fixtures.DEMO_WARD, "INSPECTOR");
        Page page = browser.desk();
        Console inspector = new Console(page).signedIn(inspectorName, Fixtures.PASSWORD);
        inspector.link("Đợt kiểm tra").click();
        inspector.ready();
        String title = "Kiểm tra vỉa hè " + UUID.randomUUID().toString().substring(0, 8);
        page.getByLabel("Tên đợt").fill(title);
        page.getByLabel("Khu vực, tuyến").selectOption(new String[] {"TDP09"});
        page.getByLabel(inspectorName).check();
        BrowserSession.screenshot(page, "console-rounds");
        assertThat(PageChecks.overflowPx(page)).isZero();
        inspector.button("Mở đợt").click();

        assertThat(inspector.heading(title)).isVisible(Console.PATIENT);
        assertThat(page.getByText("Đợt này chưa có phản ánh nào.")).isVisible();
        UUID round = UUID.fromString(page.url().substring(page.url().lastIndexOf('/') + 1));

        ReportDto found = Submission.sound()
                .category("SANITATION", "LITTERING")
                .onRound(round)
                .submittedWithPhotos(http, fixtures.bearer(inspectorName), TestPhotos.uniqueJpeg());
        page.reload();
        assertThat(page.locator(".round-reports tr[data-id='" + found.getId() + "']"))
                .containsText(found.getReference());
        assertThat(page.locator("tr.total")).containsText("1");
        assertThat(page.locator(".facts")).containsText("Tổ dân phố 9");
        BrowserSession.screenshot(page, "console-round");

        inspector.link("← Đợt kiểm tra").click();
        assertThat(inspector.link(title)).isVisible();
        inspector.link("Kết quả đơn vị").click();
        assertThat(inspector.heading("Kết quả của các đơn vị")).isVisible();
        assertThat(page.locator("table.scorecards thead th")).not().hasCount(1);
        BrowserSession.screenshot(page, "console-scorecards");
        assertThat(PageChecks.overflowPx(page)).isZero();
    }

    @Test
    void aDescriptionThatIsAScriptShowsAsTextAndRunsNothing(BrowserSession browser) {
        String script = "<script>alert(1)</script>";
        ReportDto report = Submission.sound()
                .category("SANITATION", "LITTERING")
                .description(script)
                .submittedWithPhotos(http, patrol, TestPhotos.uniqueJpeg());
        Page page = browser.desk();
        List<String> dialogs = new ArrayList<>();
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        Console inspector =
                new Console(page).signedIn(fixtures.user(Fixtures.DEMO_WARD, "INSPECTOR"), Fixtures.PASSWORD);
        inspector.open("/console/reports/" + report.getId());
        assertThat(page.locator("dd.user-text").first()).hasText(script);
        // The page's own scripts are files (the map's); none was made from the description.
        assertThat(page.locator("main script:not([src])")).hasCount(0);
        // Not reviewed from this page: no notice of a verdict.
        assertThat(page.locator(".notice")).hasCount(0);
        page.waitForTimeout(500);
        assertThat(dialogs).isEmpty();
        BrowserSession.screenshot(page, "console-report-script-as-text");
    }

    private UUID freshUnit() {
        String code = "T" + Integer.toString((int) (Math.random() * 1e6), 36).toUpperCase(Locale.ROOT);
        return http.post()
                .uri("/api/v1/units")
                .header("Authorization", admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"code\": \"" + code + "\", \"name\": \"Tổ kiểm tra " + code + "\", \"kind\": \"OTHER\"}")
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(UnitDto.class)
                .returnResult()
                .getResponseBody()
                .getId();
    }

    private ReportDto reassigned(ReportDto report, UUID unit) {
        return http.post()
                .uri("/api/v1/reports/" + report.getId() + "/actions")
                .header("Authorization", admin)
                .header("If-Match", "\"" + report.getVersion() + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"action\": \"REASSIGN\", \"unitId\": \"" + unit + "\", \"note\": \"Giao tổ kiểm tra\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();
    }
}
