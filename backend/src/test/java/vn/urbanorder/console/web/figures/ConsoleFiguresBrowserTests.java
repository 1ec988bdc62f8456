package vn.urbanorder.console.web.figures;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.PeriodStatisticsDto;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.testing.BrowserSession;
import vn.urbanorder.testing.BrowserTest;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.PageChecks;
import vn.urbanorder.testing.Resolutions;
import vn.urbanorder.testing.Screen;
import vn.urbanorder.testing.Submission;
import vn.urbanorder.testing.TestPoints;

/**
 * The figures page as a ward officer uses it in Chromium: the month's figures equal the JSON
 * API's, another period is a choice away, the charts and the map are drawn, and the workbook
 * downloaded from the page holds the same numbers, after waiting by itself while the service is
 * busy. At a desk and on a tablet.
 */
@BrowserTest
class ConsoleFiguresBrowserTests {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final LocatorAssertions.ContainsTextOptions PATIENT =
            new LocatorAssertions.ContainsTextOptions().setTimeout(60_000);

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Test
    void anAdminReadsTheMonthSwitchesToAQuarterAndDownloadsTheWorkbookAfterTheServiceWasBusy(BrowserSession browser)
            throws IOException {
        String patrol = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "PATROL"));
        Submission.sound().category("SANITATION", "LITTERING").submitted(http, patrol);
        // A repeat point: a place cleared, then reported again.
        double[] spot = TestPoints.next();
        ReportDto first = Submission.sound().at(spot).submitted(http, patrol);
        UUID unit = first.getAssignment().getUnit().getId();
        Resolutions.acceptAndResolve(
                http, fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, unit, "UNIT_STAFF")), first);
        ReportDto again = Submission.sound().at(spot).observedAt(Instant.now()).submitted(http, patrol);
        assertThat(again.getFlags()).extracting(flag -> flag.getValue()).contains("REPEAT_OFFENCE");
        String admin = fixtures.user(Fixtures.DEMO_WARD, "WARD_ADMIN");
        YearMonth month = YearMonth.now(VIETNAM);
        PeriodStatisticsDto json = figures(admin, "/api/v1/stats/monthly?month=" + month);

        Page page = browser.desk();
        signedIn(page, admin);
        page.navigate("/console/figures?period=" + month);
        ready(browser, page);

        // The month's figures, as the API states them.
        assertThat(page.locator("h1")).containsText(json.getPeriod().getLabel());
        assertThat(page.locator("#figures-summary")).hasText(json.getSummaryText());
        var counts = json.getTotals().getCounts();
        assertThat(figure(page, "RECEIVED")).hasText(Numbers.count(counts.getReceived()));
        assertThat(figure(page, "VIOLATIONS")).hasText(Numbers.count(counts.getViolations()));
        assertThat(figure(page, "RESOLVED")).hasText(Numbers.count(counts.getResolved()));
        assertThat(figure(page, "OPEN")).hasText(Numbers.count(json.getTotals().getOpen()));
        assertThat(figure(page, "OVERDUE_AT_END"))
                .hasText(Numbers.count(json.getTotals().getOverdueAtEnd()));
        assertThat(figure(page, "REPEAT_POINTS"))
                .hasText(Numbers.count(json.getRepeatPoints().getActive()));
        assertThat(page.locator("[data-figure=RECEIVED] .change")).containsText("so với tháng trước");
        // The charts: a bar per category, the numbers beside it.
        assertThat(page.locator("#chart-category tbody tr"))
                .hasCount(json.getByCategory().size());
        assertThat(page.locator("#chart-category svg rect.outer").first()).isAttached();
        assertThat(page.locator("#chart-month tbody tr").last().locator("th"))
                .hasText(json.getPeriod().getLabel());
        assertThat(page.locator("#figures-map[data-state=ready]")).isAttached();
        assertThat(page.locator("#figures-map"))
                .hasAttribute(
                        "data-shown",
                        String.valueOf(json.getRepeatPoints().getTop().size()));
        assertThat(PageChecks.overflowPx(page)).isZero();
        assertThat(PageChecks.smallTargets(page)).isEmpty();
        BrowserSession.screenshot(page, "console-figures-desk");

        // The service is busy building other files the first time: the page says so and tries again.
        AtomicInteger asked = new AtomicInteger();
        page.route("**/console/figures/download**", route -> busyOnce(route, asked));
        Download download = page.waitForDownload(new Page.WaitForDownloadOptions().setTimeout(90_000), () -> {
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tải tệp Excel (XLSX)"))
                    .click();
            assertThat(page.locator("#download-status")).containsText("Máy chủ đang bận, tự thử lại sau", PATIENT);
        });
        assertThat(asked).hasValue(2);
        assertThat(download.suggestedFilename()).isEqualTo("thong-ke-GT-" + month + ".xlsx");
        assertThat(page.locator("#download-status")).containsText("Đã tải xong tệp thong-ke-GT-", PATIENT);
        assertThat(page.locator("#download-status")).hasAttribute("data-tries", "2");
        try (InputStream in = Files.newInputStream(download.path());
                var book = new XSSFWorkbook(in)) {
            Map<String, Double> numbers = new java.util.HashMap<>();
            for (Row row : book.getSheet("Tổng hợp")) {
                if (row.getCell(1) != null
                        && row.getCell(1).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                    numbers.put(
                            row.getCell(0).getStringCellValue(), row.getCell(1).getNumericCellValue());
                }
            }
            assertThat(numbers)
                    .containsEntry("Phản ánh tiếp nhận", (double) counts.getReceived())
                    .containsEntry("Vụ vi phạm", (double) counts.getViolations())
                    .containsEntry("Đã xử lý", (double) counts.getResolved());
        }
        page.unroute("**/console/figures/download**");

        // The retrying itself: Retry-After in seconds or as a date, within bounds; a service busy
        // every time is given up after twelve tries, and said so; the name comes from filename*.
        @SuppressWarnings("unchecked")
        Object checked = page.evaluate("""
                async () => {
                  const m = await import('/console/figures-download.js');
                  const link = document.createElement('a');
                  link.href = '/nowhere';
                  link.dataset.format = 'xlsx';
                  const status = document.createElement('p');
                  const busy = { status: 503, headers: new Headers({ 'Retry-After': '1' }) };
                  let asked = 0;
                  await m.download(link, status, (key, ...args) => key + args.join(','), {
                    fetchFile: async () => { asked += 1; return busy; },
                    wait: async () => {},
                    save: () => { throw new Error('nothing to save'); },
                  });
                  return [
                    m.retryAfterSeconds('3'),
                    m.retryAfterSeconds(''),
                    m.retryAfterSeconds('999'),
                    m.retryAfterSeconds(new Date(Date.now() + 10000).toUTCString()) >= 9,
                    m.fileName("attachment; filename=\\"x.xlsx\\"; filename*=UTF-8''th%E1%BB%91ng-k%C3%AA.xlsx", 'y'),
                    m.fileName('attachment; filename="thong-ke.zip"', 'y'),
                    asked,
                    status.dataset.state,
                    status.textContent,
                  ];
                }""");
        assertThat((java.util.List<Object>) checked)
                .containsExactly(3, 5, 60, true, "thống-kê.xlsx", "thong-ke.zip", 12, "failed", "Failed");

        // A quarter: its three months in the chart, compared with the quarter before.
        int quarter = (month.getMonthValue() - 1) / 3 + 1;
        String code = month.getYear() + "-Q" + quarter;
        page.getByLabel("Kỳ báo cáo").selectOption(code);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xem"))
                .click();
        page.waitForURL("**/console/figures?period=" + code);
        ready(browser, page);
        PeriodStatisticsDto quarterJson = figures(
                admin,
                "/api/v1/stats?from=" + month.withMonth(quarter * 3 - 2).atDay(1) + "&to="
                        + month.withMonth(quarter * 3).atEndOfMonth());
        assertThat(page.locator("h1")).containsText(quarterJson.getPeriod().getLabel());
        assertThat(figure(page, "RECEIVED"))
                .hasText(Numbers.count(quarterJson.getTotals().getCounts().getReceived()));
        assertThat(page.locator("#chart-month tbody tr")).hasCount(3);
        assertThat(page.locator("[data-figure=RECEIVED] .change")).containsText("so với quý trước");

        Page tablet = browser.open(Screen.TABLET);
        signedIn(tablet, admin);
        tablet.navigate("/console/figures?period=" + month);
        ready(browser, tablet);
        assertThat(PageChecks.overflowPx(tablet)).isZero();
        assertThat(PageChecks.smallTargets(tablet)).isEmpty();
        BrowserSession.screenshot(tablet, "console-figures-tablet");
    }

    /** The first request answers as the export gate does when every slot is taken; the next goes through. */
    private static void busyOnce(Route route, AtomicInteger asked) {
        if (asked.incrementAndGet() == 1) {
            route.fulfill(new Route.FulfillOptions()
                    .setStatus(503)
                    .setHeaders(Map.of("Retry-After", "2", "Content-Type", "application/problem+json"))
                    .setBody("{\"status\":503,\"title\":\"Service Unavailable\"}"));
        } else {
            route.resume();
        }
    }

    private PeriodStatisticsDto figures(String username, String uri) {
        return http.get()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, fixtures.bearer(username))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(PeriodStatisticsDto.class)
                .returnResult()
                .getResponseBody();
    }

    private static Locator figure(Page page, String code) {
        return page.locator("[data-figure=" + code + "] .value");
    }

    private static void signedIn(Page page, String username) {
        page.navigate("/console/");
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu").fill(Fixtures.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập"))
                .click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Hàng việc")))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
    }

    /** Waits until the page's scripts have run: the map drawn, the download links listening. */
    private static void ready(BrowserSession browser, Page page) {
        try {
            waitForScripts(page);
        } catch (com.microsoft.playwright.TimeoutError late) {
            throw new AssertionError(
                    "The page's scripts did not finish: "
                            + browser.problems(page).errors()
                            + browser.problems(page).warnings(),
                    late);
        }
    }

    private static void waitForScripts(Page page) {
        page.waitForFunction(
                "() => document.readyState === 'complete'"
                        + " && document.querySelector('.download-links[data-ready=true]') !== null"
                        + " && document.querySelector('#figures-map[data-state=ready]') !== null",
                null,
                new Page.WaitForFunctionOptions().setTimeout(30_000));
    }
}
