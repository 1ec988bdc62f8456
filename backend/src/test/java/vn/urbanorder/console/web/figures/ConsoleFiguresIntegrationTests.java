package vn.urbanorder.console.web.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.PeriodStatisticsDto;
import vn.urbanorder.identity.DeskSessions;
import vn.urbanorder.testing.DeskSignIn;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;
import vn.urbanorder.testing.Submission;

/**
 * The figures page over plain HTTP: its headline figures are the JSON API's, written the
 * Vietnamese way; its files are the API's, streamed through with their names; only ward admins
 * and inspectors reach either.
 */
@IntegrationTest
class ConsoleFiguresIntegrationTests {

    private static final Pattern FIGURE = Pattern.compile(
            "data-figure=\"([A-Z_]+)\">\\s*<span class=\"name\">[^<]*</span>\\s*<strong class=\"value\">([^<]*)</strong>");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    /** The contract-checked client, for the API. */
    @Autowired
    WebTestClient api;

    WebTestClient http;

    @BeforeEach
    void browser() {
        http = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(60))
                .build();
    }

    @Test
    void theHeadlineFiguresAreTheJsonApisForTheChosenPeriod() {
        String patrol = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "PATROL"));
        Submission.sound().category("SANITATION", "LITTERING").submitted(api, patrol);
        Submission.sound().submitted(api, patrol);
        String admin = fixtures.user(Fixtures.DEMO_WARD, "WARD_ADMIN");
        String month = YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        PeriodStatisticsDto json = api.get()
                .uri("/api/v1/stats/monthly?month=" + month)
                .header(HttpHeaders.AUTHORIZATION, fixtures.bearer(admin))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(PeriodStatisticsDto.class)
                .returnResult()
                .getResponseBody();
        var counts = json.getTotals().getCounts();
        assertThat(counts.getReceived()).isGreaterThanOrEqualTo(2);

        String page = page("/console/figures?period=" + month, DeskSignIn.session(http, admin), 200);

        assertThat(page).contains(json.getPeriod().getLabel(), json.getSummaryText());
        assertThat(headline(page))
                .containsEntry("RECEIVED", Numbers.count(counts.getReceived()))
                .containsEntry("VIOLATIONS", Numbers.count(counts.getViolations()))
                .containsEntry("RESOLVED", Numbers.count(counts.getResolved()))
                .containsEntry("ON_TIME_PERCENT", Numbers.percent(counts.getOnTimePercent()))
                .containsEntry("OPEN", Numbers.count(json.getTotals().getOpen()))
                .containsEntry("OVERDUE_AT_END", Numbers.count(json.getTotals().getOverdueAtEnd()))
                .containsEntry(
                        "REPEAT_POINTS", Numbers.count(json.getRepeatPoints().getActive()))
                .containsEntry(
                        "INSPECTION_ROUNDS",
                        Numbers.count(json.getInspectionRounds().getCount()))
                .hasSize(8);
        // Every category and unit the API lists is a row of its chart.
        json.getByCategory().forEach(category -> assertThat(page).contains(category.getName()));
        json.getByUnit().forEach(unit -> assertThat(page).contains(unit.getName()));
    }

    @Test
    void theLastWholeMonthIsShownUnlessAnotherPeriodIsChosen() {
        String session = DeskSignIn.session(http, fixtures.user(Fixtures.DEMO_WARD, "INSPECTOR"));
        YearMonth last = YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusMonths(1);

        assertThat(page("/console/figures", session, 200))
                .contains("Tháng " + last.getMonthValue() + "/" + last.getYear());
        int year = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
        assertThat(page("/console/figures?period=" + year + "-Q1", session, 200))
                .contains("Quý I/" + year, "Tháng 1/" + year, "Tháng 3/" + year, "so với quý trước");
        assertThat(page("/console/figures?period=" + year + "-H2", session, 200))
                .contains("6 tháng cuối năm " + year);
        // Something that is no period shows the default, not an error.
        assertThat(page("/console/figures?period=2026-13", session, 200))
                .contains("Tháng " + last.getMonthValue() + "/" + last.getYear());
    }

    @Test
    void theFilesAreTheApisStreamedThroughWithTheirNames() throws IOException {
        String admin = fixtures.user(Fixtures.DEMO_WARD, "WARD_ADMIN");
        String session = DeskSignIn.session(http, admin);
        String month = YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        PeriodStatisticsDto json = api.get()
                .uri("/api/v1/stats/monthly?month=" + month)
                .header(HttpHeaders.AUTHORIZATION, fixtures.bearer(admin))
                .exchange()
                .expectBody(PeriodStatisticsDto.class)
                .returnResult()
                .getResponseBody();

        byte[] workbook = http.get()
                .uri("/console/figures/download?period=" + month + "&format=xlsx")
                .cookie(DeskSessions.COOKIE, session)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .expectHeader()
                .value(HttpHeaders.CONTENT_DISPOSITION, value -> assertThat(value)
                        .contains("attachment", "thong-ke-GT-" + month + ".xlsx"))
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Map<String, Object> summary = new LinkedHashMap<>();
            for (Row row : book.getSheet("Tổng hợp")) {
                if (row.getCell(1) != null) {
                    summary.put(
                            row.getCell(0).getStringCellValue(),
                            switch (row.getCell(1).getCellType()) {
                                case NUMERIC -> row.getCell(1).getNumericCellValue();
                                default -> row.getCell(1).toString();
                            });
                }
            }
            assertThat(summary)
                    .containsEntry("Tóm tắt", json.getSummaryText())
                    .containsEntry("Phản ánh tiếp nhận", (double)
                            json.getTotals().getCounts().getReceived());
        }

        // The báo cáo to sign, as the API makes it (its contents are tested in the stats feature).
        byte[] report = http.get()
                .uri("/console/figures/download?period=" + month + "&format=pdf")
                .cookie(DeskSessions.COOKIE, session)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("application/pdf")
                .expectHeader()
                .value(HttpHeaders.CONTENT_DISPOSITION, value -> assertThat(value)
                        .contains("attachment", "bao-cao-GT-" + month + ".pdf"))
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        assertThat(new String(report, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");

        int year = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
        http.get()
                .uri("/console/figures/download?period=" + year + "-Q1&format=csv")
                .cookie(DeskSessions.COOKIE, session)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("application/zip")
                .expectHeader()
                .value(HttpHeaders.CONTENT_DISPOSITION, value -> assertThat(value)
                        .contains("thong-ke-GT-" + year + "-Q1.zip"));

        // A format or period the page does not offer is no file.
        page("/console/figures/download?period=" + month + "&format=exe", session, 404);
        page("/console/figures/download?period=soon&format=xlsx", session, 404);
    }

    @Test
    void unitStaffAndPatrolsAreRefusedThePageAndTheFiles() {
        String month = YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        String staff = fixtures.user(Fixtures.DEMO_WARD, fixtures.unit(Fixtures.DEMO_WARD), "UNIT_STAFF");
        for (String user : new String[] {staff, fixtures.user(Fixtures.DEMO_WARD, "PATROL")}) {
            String session = DeskSignIn.session(http, user);
            assertThat(page("/console/figures", session, 403)).doesNotContain("Tải tệp Excel");
            page("/console/figures/download?period=" + month + "&format=xlsx", session, 403);
        }
        // Not signed in: to the sign-in page.
        http.get().uri("/console/figures").exchange().expectStatus().is3xxRedirection();
    }

    private String page(String path, String session, int status) {
        String body = http.get()
                .uri(path)
                .cookie(DeskSessions.COOKIE, session)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return body == null ? "" : body;
    }

    /** The headline figures as the page writes them, by the API's figure code. */
    private static Map<String, String> headline(String page) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher figure = FIGURE.matcher(page);
        while (figure.find()) {
            found.put(figure.group(1), figure.group(2).strip());
        }
        return found;
    }
}
