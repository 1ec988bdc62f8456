package vn.urbanorder.console.web.province;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.ProvinceStatisticsDto;
import vn.urbanorder.api.model.ProvinceWardFiguresDto;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.testing.BrowserSession;
import vn.urbanorder.testing.BrowserTest;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.PageChecks;
import vn.urbanorder.testing.Resolutions;
import vn.urbanorder.testing.Submission;

/**
 * The province's figures as its officers read them in Chromium: the month's summary and every
 * ward's line with the total, as the API states them, ranked by on-time rate or by code; the wards
 * on a map coloured by that rate, grey where nothing was resolved; another period a choice away;
 * the workbook and the CSV files downloaded from the page. At a desk and on a phone.
 */
@BrowserTest
class ConsoleProvinceFiguresBrowserTests {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DatabaseClient database;

    @Test
    void theProvinceInspectorReadsEveryWardsMonthOnTheTableAndTheMapAndDownloadsTheFiles(BrowserSession browser)
            throws IOException {
        String patrol = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "PATROL"));
        Submission.sound().category("SANITATION", "LITTERING").submitted(http, patrol);
        // One resolved on time: the demo ward has a rate; a new ward has none.
        ReportDto handled = Submission.sound().submitted(http, patrol);
        Resolutions.acceptAndResolve(
                http,
                fixtures.bearer(fixtures.user(
                        Fixtures.DEMO_WARD, handled.getAssignment().getUnit().getId(), "UNIT_STAFF")),
                handled);
        fixtures.ward();
        String inspector = ProvinceOfficers.create(database, "PROVINCE_INSPECTOR");
        YearMonth month = YearMonth.now(VIETNAM);
        ProvinceStatisticsDto json = figures(inspector, "/api/v1/province/stats?month=" + month);

        Page page = browser.desk();
        ProvinceOfficers.signedIn(page, inspector);
        page.navigate("/console/province?period=" + month);
        ready(page);

        assertThat(page.locator("h1")).containsText(json.getPeriod().getLabel());
        assertThat(page.locator("#province-summary")).hasText(json.getSummaryText());
        assertThat(page.locator("#province-wards tbody tr"))
                .hasCount(json.getWards().size());
        // Ranked: the rows follow the API's ranking.
        List<String> ranked =
                json.getRanking().stream().map(ward -> ward.getWardCode()).toList();
        assertThat(page.locator("#province-wards tbody tr").evaluateAll("rows => rows.map(r => r.dataset.code)"))
                .isEqualTo(ranked);
        ProvinceWardFiguresDto gt = json.getWards().stream()
                .filter(ward -> ward.getWardCode().equals("GT"))
                .findFirst()
                .orElseThrow();
        Locator gtRow = page.locator("#province-wards tr[data-code=GT]");
        assertThat(gtRow.locator("[data-figure=received]"))
                .hasText(vn.urbanorder.console.web.figures.Numbers.count(
                        gt.getCounts().getReceived()));
        assertThat(gtRow.locator("[data-figure=open]"))
                .hasText(vn.urbanorder.console.web.figures.Numbers.count(gt.getOpenAtEnd()));
        assertThat(page.locator("#province-total [data-figure=received]"))
                .hasText(vn.urbanorder.console.web.figures.Numbers.count(
                        json.getTotal().getCounts().getReceived()));
        assertThat(page.locator("#province-total [data-figure=violations]"))
                .hasText(vn.urbanorder.console.web.figures.Numbers.count(
                        json.getTotal().getCounts().getViolations()));
        // The map: every ward drawn, a ward without anything resolved in grey.
        assertThat(page.locator("#province-map"))
                .hasAttribute("data-shown", String.valueOf(json.getWards().size()));
        Object grey =
                page.evaluate("() => Array.from(document.querySelectorAll('#province-map path.leaflet-interactive'))"
                        + ".some(p => p.getAttribute('fill') === '#9e9e9e')");
        assertThat(grey).isEqualTo(true);
        assertThat(PageChecks.overflowPx(page)).isZero();
        assertThat(PageChecks.smallTargets(page)).isEmpty();
        BrowserSession.screenshot(page, "province-figures-desk");

        // By code.
        link(page, "theo mã").click();
        ready(page);
        List<String> byCode = json.getWards().stream()
                .map(ProvinceWardFiguresDto::getWardCode)
                .sorted()
                .toList();
        assertThat(page.locator("#province-wards tbody tr").evaluateAll("rows => rows.map(r => r.dataset.code)"))
                .isEqualTo(byCode);

        // The workbook and the CSV files, as the API makes them.
        Download workbook =
                page.waitForDownload(() -> link(page, "Tải tệp Excel (XLSX)").click());
        assertThat(workbook.suggestedFilename()).isEqualTo("thong-ke-tinh-01-" + month + ".xlsx");
        try (InputStream in = Files.newInputStream(workbook.path());
                var book = new XSSFWorkbook(in)) {
            assertThat(book.getSheet("Theo phường xã")).isNotNull();
            boolean totalFound = false;
            for (Row row : book.getSheet("Theo phường xã")) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING
                            && cell.getStringCellValue().contains("Toàn")) {
                        totalFound = true;
                    }
                }
            }
            assertThat(totalFound).as("a total row").isTrue();
        }
        Download csv =
                page.waitForDownload(() -> link(page, "Tải tệp CSV (nén ZIP)").click());
        assertThat(csv.suggestedFilename()).isEqualTo("thong-ke-tinh-01-" + month + ".zip");
        try (var zip = new ZipInputStream(Files.newInputStream(csv.path()))) {
            List<String> names = new java.util.ArrayList<>();
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
            }
            assertThat(names).contains("theo-phuong-xa.csv");
        }

        // A quarter, a choice away.
        int quarter = (month.getMonthValue() - 1) / 3 + 1;
        String code = month.getYear() + "-Q" + quarter;
        page.getByLabel("Kỳ báo cáo").selectOption(code);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Xem"))
                .click();
        page.waitForURL("**/console/province?period=" + code + "**");
        ready(page);
        assertThat(page.locator("h1")).containsText("Quý");

        // On a phone.
        Page phone = browser.phone();
        phone.setViewportSize(390, 844);
        ProvinceOfficers.signedIn(phone, inspector);
        phone.navigate("/console/province?period=" + month);
        ready(phone);
        assertThat(PageChecks.overflowPx(phone)).isZero();
        BrowserSession.screenshot(phone, "province-figures-phone");
    }

    private ProvinceStatisticsDto figures(String username, String uri) {
        return http.get()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, fixtures.bearer(username))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ProvinceStatisticsDto.class)
                .returnResult()
                .getResponseBody();
    }

    private static Locator link(Page page, String name) {
        return page.getByRole(
                AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static void ready(Page page) {
        page.waitForFunction(
                "() => document.readyState === 'complete'"
                        + " && document.querySelector('.download-links[data-ready=true]') !== null"
                        + " && document.querySelector('#province-map[data-state=ready]') !== null",
                null,
                new Page.WaitForFunctionOptions().setTimeout(30_000));
    }
}
