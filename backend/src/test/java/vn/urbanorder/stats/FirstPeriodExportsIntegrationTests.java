package vn.urbanorder.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;
import vn.urbanorder.api.model.ComparedFigureDto;
import vn.urbanorder.api.model.PeriodStatisticsDto;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;
import vn.urbanorder.testing.Resolutions;
import vn.urbanorder.testing.Submission;

/**
 * A new ward's first exports, whose period has nothing before it: the shares of the period before
 * are missing, and every format still comes out, with those cells empty (not 0 %).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirstPeriodExportsIntegrationTests {

    private static final ZoneId WARD_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String RESOLVED_PERCENT = "Tỷ lệ xử lý (%)";
    private static final String ON_TIME_PERCENT = "Tỷ lệ đúng hạn (%)";
    private static final String RECEIVED = "Phản ánh tiếp nhận";

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JsonMapper json;

    /** Admin of a ward with one report, resolved, in its first month. */
    String admin;

    YearMonth firstMonth;

    @BeforeAll
    void aNewWardWithItsFirstReportHandled() {
        UUID ward = fixtures.ward();
        UUID unit = fixtures.unit(ward);
        admin = fixtures.bearer(fixtures.user(ward, "WARD_ADMIN"));
        String patrol = fixtures.bearer(fixtures.user(ward, "PATROL"));
        Instant observed = Instant.now().minusSeconds(60);
        firstMonth = YearMonth.from(observed.atZone(WARD_ZONE));
        ReportDto report = Submission.sound()
                .category("SANITATION")
                .at(21.0452, 105.8853)
                .observedAt(observed)
                .submitted(http, patrol);
        ReportDto assigned = http.post()
                .uri("/api/v1/reports/" + report.getId() + "/actions")
                .header("Authorization", admin)
                .header("If-Match", "\"" + report.getVersion() + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"action\": \"REASSIGN\", \"unitId\": \"" + unit + "\", \"note\": \"Giao đơn vị\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();
        Resolutions.acceptAndResolve(http, fixtures.bearer(fixtures.user(ward, unit, "UNIT_STAFF")), assigned);
    }

    @Test
    void aNewWardsFirstMonthComesOutInEveryFormatWithThePreviousSharesEmpty() throws IOException {
        String export = "/api/v1/stats/monthly/" + firstMonth + "/export?format=";

        Map<String, Row> xlsx = comparisonSheet(download(admin, export + "xlsx"));
        assertThat(values(xlsx.get(RESOLVED_PERCENT))).containsExactly(100.0, null, null, null);
        assertThat(xlsx.get(RESOLVED_PERCENT).getCell(1).getCellStyle().getDataFormatString())
                .isEqualTo("#,##0.0");
        assertThat(values(xlsx.get(ON_TIME_PERCENT)).subList(1, 4)).containsExactly(null, null, null);
        // Counts stay whole numbers; against 0 there is no change in percent.
        assertThat(values(xlsx.get(RECEIVED))).containsExactly(1.0, 0.0, 1.0, null);
        assertThat(xlsx.get(RECEIVED).getCell(1).getCellStyle().getDataFormatString())
                .isEqualTo("#,##0");

        String csv = csvFiles(download(admin, export + "csv")).get("so-sanh-ky-truoc.csv");
        assertThat(csv).contains("\r\n" + RESOLVED_PERCENT + ",100,,,\r\n").contains("\r\n" + RECEIVED + ",1,0,1,\r\n");

        PeriodStatisticsDto document = json.readValue(download(admin, export + "json"), PeriodStatisticsDto.class);
        assertThat(document.getComparison().getFigures())
                .filteredOn(figure -> figure.getFigure().getValue().equals("RESOLVED_PERCENT"))
                .extracting(
                        ComparedFigureDto::getCurrent,
                        ComparedFigureDto::getPrevious,
                        ComparedFigureDto::getDifference,
                        ComparedFigureDto::getChangePercent)
                .containsExactly(tuple(100.0, null, null, null));
    }

    /** The README's half-year example: the half year before has nothing at all. */
    @Test
    void aHalfYearWithNothingBeforeItComesOutInEveryFormat() throws IOException {
        LocalDate today = LocalDate.now(WARD_ZONE);
        LocalDate from = LocalDate.of(today.getYear(), today.getMonthValue() <= 6 ? 1 : 7, 1);
        String export = "/api/v1/stats/export?from=" + from + "&to="
                + from.plusMonths(6).minusDays(1) + "&format=";

        assertThat(values(comparisonSheet(download(admin, export + "xlsx")).get(RESOLVED_PERCENT)))
                .containsExactly(100.0, null, null, null);
        assertThat(csvFiles(download(admin, export + "csv")).get("so-sanh-ky-truoc.csv"))
                .contains("\r\n" + RESOLVED_PERCENT + ",100,,,\r\n");
        assertThat(json.readValue(download(admin, export + "json"), PeriodStatisticsDto.class)
                        .getTotals()
                        .getCounts()
                        .getResolved())
                .isEqualTo(1);
    }

    /** Before its first report: nothing to share now or before. */
    @Test
    void aWardWithNoReportYetExportsEveryFormat() throws IOException {
        String empty = fixtures.bearer(fixtures.user(fixtures.ward(), "WARD_ADMIN"));
        String export = "/api/v1/stats/monthly/" + firstMonth + "/export?format=";

        Map<String, Row> xlsx = comparisonSheet(download(empty, export + "xlsx"));
        assertThat(values(xlsx.get(RESOLVED_PERCENT))).containsExactly(null, null, null, null);
        assertThat(values(xlsx.get(RECEIVED))).containsExactly(0.0, 0.0, 0.0, null);
        assertThat(csvFiles(download(empty, export + "csv")).get("so-sanh-ky-truoc.csv"))
                .contains("\r\n" + RESOLVED_PERCENT + ",,,,\r\n")
                .contains("\r\n" + RECEIVED + ",0,0,0,\r\n");
        assertThat(json.readValue(download(empty, export + "json"), PeriodStatisticsDto.class)
                        .getTotals()
                        .getCounts()
                        .getResolvedPercent())
                .isNull();
    }

    private byte[] download(String bearer, String uri) {
        return http.get()
                .uri(uri)
                .header("Authorization", bearer)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
    }

    /** The rows of "So sánh kỳ trước" by the figure's name. */
    private static Map<String, Row> comparisonSheet(byte[] workbook) throws IOException {
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            XSSFSheet sheet = book.getSheet("So sánh kỳ trước");
            Map<String, Row> rows = new HashMap<>();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                rows.put(sheet.getRow(i).getCell(0).getStringCellValue(), sheet.getRow(i));
            }
            return rows;
        }
    }

    /** The four values after the name: now, before, difference, change in percent; null where blank. */
    private static java.util.List<Double> values(Row row) {
        var values = new java.util.ArrayList<Double>();
        for (int column = 1; column <= 4; column++) {
            Cell cell = row.getCell(column);
            values.add(cell == null || cell.getCellType() == CellType.BLANK ? null : cell.getNumericCellValue());
        }
        return values;
    }

    private static Map<String, String> csvFiles(byte[] zipped) throws IOException {
        Map<String, String> files = new HashMap<>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(zipped))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8).substring(1));
            }
        }
        return files;
    }
}
