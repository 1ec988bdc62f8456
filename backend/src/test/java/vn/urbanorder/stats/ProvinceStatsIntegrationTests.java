package vn.urbanorder.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.PeriodStatisticsDto;
import vn.urbanorder.api.model.ProvinceRankedWardDto;
import vn.urbanorder.api.model.ProvinceStatisticsDto;
import vn.urbanorder.api.model.ProvinceWardFiguresDto;
import vn.urbanorder.api.model.ReportCountsDto;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;
import vn.urbanorder.testing.Resolutions;
import vn.urbanorder.testing.Submission;
import vn.urbanorder.ward.Province;
import vn.urbanorder.ward.Provinces;

/**
 * Two provinces of their own, with several wards each: the province's rows are each ward's own
 * figures, for a month long past (October 2026 of {@link OctoberSeed}, whose workload at the end
 * comes from the audit trail) and for the month in progress (reports submitted and handled
 * through the API, some late, some overdue); the total adds them up, the ranking orders them, the
 * other province's wards never appear, and the files say the same.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvinceStatsIntegrationTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String AREA = "{\"type\":\"Polygon\",\"coordinates\":[[[105.8790,21.0400],[105.8915,21.0395],"
            + "[105.8925,21.0500],[105.8805,21.0510],[105.8790,21.0400]]]}";

    /** The headline figures of a ward's own "Tổng hợp" sheet, and the province's column for each. */
    private static final Map<String, String> HEADLINES = headlines();

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DatabaseClient database;

    @Autowired
    Provinces provinces;

    Province provinceA;
    Province provinceB;
    /** Province A's wards, and the admin of each (bearer). */
    final Map<UUID, String> wardAdminsA = new LinkedHashMap<>();

    final Map<UUID, String> wardAdminsB = new LinkedHashMap<>();
    OctoberSeed seed1;
    OctoberSeed seed2;
    UUID fast;
    UUID slow;
    UUID idle;
    String provinceAdminA;
    String provinceInspectorA;
    String provinceAdminB;
    String thisMonth;

    @BeforeAll
    void twoProvinces() {
        provinceA = provinces.create(code(), "Tỉnh thử A").block();
        provinceB = provinces.create(code(), "Thành phố thử B").block();
        // Two wards with a known October, moved into province A with their users.
        seed1 = new OctoberSeed(database, fixtures);
        seed2 = new OctoberSeed(database, fixtures);
        for (OctoberSeed seed : List.of(seed1, seed2)) {
            database.sql("UPDATE ward SET province_id = :province WHERE id = :ward")
                    .bind("province", provinceA.id())
                    .bind("ward", seed.ward)
                    .then()
                    .block();
            wardAdminsA.put(seed.ward, fixtures.bearer(seed.admin));
        }
        fast = ward(provinceA, "A");
        slow = ward(provinceA, "B");
        idle = ward(provinceA, "C");
        for (UUID ward : List.of(fast, slow, idle)) {
            wardAdminsA.put(ward, fixtures.bearer(fixtures.user(ward, "WARD_ADMIN")));
        }
        UUID b1 = ward(provinceB, "A");
        UUID b2 = ward(provinceB, "B");
        for (UUID ward : List.of(b1, b2)) {
            wardAdminsB.put(ward, fixtures.bearer(fixtures.user(ward, "WARD_ADMIN")));
        }
        String template = fixtures.user(idle, "PATROL");
        provinceAdminA = fixtures.bearer(provinceOfficer(provinceA, template, "PROVINCE_ADMIN"));
        provinceInspectorA = fixtures.bearer(provinceOfficer(provinceA, template, "PROVINCE_INSPECTOR"));
        provinceAdminB = fixtures.bearer(provinceOfficer(provinceB, template, "PROVINCE_ADMIN"));

        // This month: "fast" resolves three on time and rejects one; "slow" resolves one on time,
        // one late, and leaves one waiting past its deadline and one within it; B's wards too.
        handle(fast, wardAdminsA.get(fast), List.of("ON_TIME", "ON_TIME", "ON_TIME", "REJECT"));
        handle(slow, wardAdminsA.get(slow), List.of("ON_TIME", "LATE", "OVERDUE", "WAITING"));
        handle(b1, wardAdminsB.get(b1), List.of("ON_TIME", "LATE"));
        handle(b2, wardAdminsB.get(b2), List.of("OVERDUE"));
        thisMonth = YearMonth.now(ZONE).toString();
    }

    @Test
    void everyWardsRowIsThatWardsOwnFiguresForAMonthLongPast() {
        // Seed 1's month-end workload is read (and kept) by its own figures first; seed 2's is
        // first read by the province's, grouped with the others.
        PeriodStatisticsDto own1 = wardFigures(wardAdminsA.get(seed1.ward), "2026-10");
        ProvinceStatisticsDto october = province(provinceAdminA, "month=2026-10");

        assertRowsAreTheWardsOwn(october, wardAdminsA, "month=2026-10");
        assertThat(row(october, seed1.ward).getOpenAtEnd())
                .isEqualTo(own1.getTotals().getOpenAtEnd());
        // The seeded October: 10 received, 7 violations, 5 resolved, 3 on time; 4 open and 2 overdue
        // at the month's end (read back from the trail); 2 repeat points; 1 round.
        ProvinceWardFiguresDto seeded = row(october, seed2.ward);
        assertThat(seeded.getCounts().getReceived()).isEqualTo(10);
        assertThat(seeded.getCounts().getViolations()).isEqualTo(7);
        assertThat(seeded.getCounts().getResolvedOnTime()).isEqualTo(3);
        assertThat(seeded.getOpenAtEnd()).isEqualTo(4);
        assertThat(seeded.getOverdueAtEnd()).isEqualTo(2);
        assertThat(seeded.getRepeatPoints()).isEqualTo(2);
        assertThat(seeded.getInspectionRounds()).isEqualTo(1);
        assertTotalsAreTheSums(october);
        assertThat(october.getTotal().getCounts().getOnTimePercent()).isEqualTo(60.0);

        // The wards without October reports are listed, with nothing, and ranked last, unranked.
        assertThat(row(october, idle).getCounts().getReceived()).isZero();
        assertThat(october.getRanking())
                .extracting(ProvinceRankedWardDto::getWardId, ProvinceRankedWardDto::getRank)
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple(
                                codeOrder(seed1.ward, seed2.ward).get(0), 1),
                        org.assertj.core.api.Assertions.tuple(
                                codeOrder(seed1.ward, seed2.ward).get(1), 2),
                        org.assertj.core.api.Assertions.tuple(
                                codeOrder(fast, slow, idle).get(0), null),
                        org.assertj.core.api.Assertions.tuple(
                                codeOrder(fast, slow, idle).get(1), null),
                        org.assertj.core.api.Assertions.tuple(
                                codeOrder(fast, slow, idle).get(2), null));
        assertThat(october.getRanking())
                .filteredOn(ward -> ward.getRank() == null)
                .allSatisfy(ward -> {
                    assertThat(ward.getRated()).isFalse();
                    assertThat(ward.getOnTimePercent()).isNull();
                });

        // Asked again, every workload now comes from the kept ones: the same rows.
        assertThat(province(provinceAdminA, "month=2026-10").getWards()).isEqualTo(october.getWards());
        // The same days as a period of from and to.
        assertThat(province(provinceAdminA, "from=2026-10-01&to=2026-10-31").getWards())
                .isEqualTo(october.getWards());
    }

    @Test
    void thisMonthsRowsTotalAndRankingFollowTheHandling() {
        ProvinceStatisticsDto month = province(provinceAdminA, "month=" + thisMonth);

        assertRowsAreTheWardsOwn(month, wardAdminsA, "month=" + thisMonth);
        assertTotalsAreTheSums(month);
        assertThat(month.getProvinceCode()).isEqualTo(provinceA.code());
        assertThat(month.getTotal().getWards()).isEqualTo(5);
        assertThat(month.getWards())
                .extracting(ProvinceWardFiguresDto::getWardCode)
                .isSorted();
        assertCounts(row(month, fast).getCounts(), 4, 3, 3, 3);
        assertThat(row(month, fast).getCounts().getRejected()).isEqualTo(1);
        assertCounts(row(month, slow).getCounts(), 4, 4, 2, 1);
        assertThat(row(month, slow).getOpenAtEnd()).isEqualTo(2);
        assertThat(row(month, slow).getOverdueAtEnd()).isEqualTo(1);
        // The seeded wards have nothing this month, but their reports still waiting count now.
        assertThat(row(month, seed1.ward).getCounts().getReceived()).isZero();
        assertThat(row(month, seed1.ward).getOpenAtEnd()).isPositive();

        // fast 100 %, slow 50 %; the rest resolved nothing: unranked, by code.
        assertThat(month.getRanking())
                .extracting(ProvinceRankedWardDto::getWardId)
                .startsWith(fast, slow);
        assertThat(month.getRanking().get(0).getRank()).isEqualTo(1);
        assertThat(month.getRanking().get(0).getOnTimePercent()).isEqualTo(100.0);
        assertThat(month.getRanking().get(1).getRank()).isEqualTo(2);
        assertThat(month.getRanking().get(1).getOnTimePercent()).isEqualTo(50.0);
        assertThat(month.getRanking().subList(2, 5))
                .allSatisfy(ward -> assertThat(ward.getRank()).isNull());
        // 4 of 5 resolved on time, from the sums (the average of 100 and 50 would be 75).
        assertThat(month.getTotal().getCounts().getOnTimePercent()).isEqualTo(80.0);
        assertThat(month.getSummaryText())
                .isEqualTo("Trong tháng " + YearMonth.now(ZONE).getMonthValue() + "/"
                        + YearMonth.now(ZONE).getYear() + ", 5 phường, xã của Tỉnh thử A tiếp nhận 8 phản ánh,"
                        + " phát hiện 7 vụ vi phạm trật tự đô thị; đã xử lý 5 vụ (71,4%), đúng hạn 80,0%;"
                        + " phường, xã có tỉ lệ đúng hạn cao nhất là " + name(fast) + " (100,0%), thấp nhất là "
                        + name(slow) + " (50,0%).");
    }

    @Test
    void aProvinceSeesOnlyItsOwnWardsAndWardRolesSeeNone() {
        ProvinceStatisticsDto b = province(provinceAdminB, "month=" + thisMonth);
        assertThat(b.getWards())
                .extracting(ProvinceWardFiguresDto::getWardId)
                .containsExactlyInAnyOrderElementsOf(wardAdminsB.keySet())
                .doesNotContainAnyElementsOf(wardAdminsA.keySet());
        assertThat(b.getRanking())
                .extracting(ProvinceRankedWardDto::getWardId)
                .doesNotContainAnyElementsOf(wardAdminsA.keySet());
        assertRowsAreTheWardsOwn(b, wardAdminsB, "month=" + thisMonth);
        assertThat(province(provinceAdminA, "month=" + thisMonth).getWards())
                .extracting(ProvinceWardFiguresDto::getWardId)
                .containsExactlyInAnyOrderElementsOf(wardAdminsA.keySet());
        // The province's inspector reads them too.
        assertThat(province(provinceInspectorA, "month=2026-10").getWards()).hasSize(5);

        for (String wardRole : List.of(
                wardAdminsA.get(fast),
                fixtures.bearer(seed1.inspector),
                fixtures.bearer(seed1.patrol1),
                fixtures.bearer(seed1.unitStaff))) {
            get(wardRole, "/api/v1/province/stats?month=2026-10").expectStatus().isForbidden();
            get(wardRole, "/api/v1/province/stats/export?month=2026-10&format=xlsx")
                    .expectStatus()
                    .isForbidden();
        }
    }

    @Test
    void aBadPeriodIsRefusedAsTheWardsIs() {
        for (String query : List.of(
                "",
                "month=2026-10&from=2026-10-01&to=2026-10-31",
                "from=2026-10-01",
                "from=2026-10-31&to=2026-10-01",
                "from=2026-01-01&to=2027-06-30",
                "month=2026-13")) {
            get(provinceAdminA, "/api/v1/province/stats?" + query)
                    .expectStatus()
                    .isEqualTo(422)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        get(provinceAdminA, "/api/v1/province/stats?from=yesterday&to=2026-10-31")
                .expectStatus()
                .isBadRequest();
        get(provinceAdminA, "/api/v1/province/stats/export?month=2026-10&format=odt")
                .expectStatus()
                .isBadRequest();
        get(provinceAdminA, "/api/v1/province/stats/export?format=xlsx")
                .expectStatus()
                .isEqualTo(422);
    }

    /** The check: the province's workbook matches the sum of the wards' own workbooks. */
    @Test
    void theProvinceWorkbookMatchesTheSumOfTheWardsOwnWorkbooks() throws IOException {
        for (String month : List.of("2026-10", thisMonth)) {
            var answer = get(provinceAdminA, "/api/v1/province/stats/export?month=" + month + "&format=xlsx")
                    .expectStatus()
                    .isOk();
            answer.expectHeader()
                    .valueEquals(
                            "Content-Disposition",
                            "attachment; filename=\"thong-ke-tinh-" + provinceA.code() + "-" + month + ".xlsx\"");
            byte[] workbook = answer.expectBody(byte[].class).returnResult().getResponseBody();

            Map<String, Double> sums = new HashMap<>();
            for (var ward : wardAdminsA.entrySet()) {
                Map<String, Double> own = summarySheet(
                        download(ward.getValue(), "/api/v1/stats/monthly/" + month + "/export?format=xlsx"));
                HEADLINES.keySet().forEach(label -> sums.merge(label, own.get(label), Double::sum));
            }
            try (var book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
                assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("Tổng hợp");
                assertThat(book.getSheetAt(1).getSheetName()).isEqualTo("Theo phường xã");
                assertThat(book.getSheetAt(2).getSheetName()).isEqualTo("Xếp hạng");
                XSSFSheet byWard = book.getSheet("Theo phường xã");
                Map<String, Integer> columns = headerColumns(byWard);
                Row total = byWard.getRow(byWard.getLastRowNum());
                assertThat(total.getCell(1).getStringCellValue()).isEqualTo("Toàn tỉnh, thành phố");
                assertThat(byWard.getLastRowNum()).isEqualTo(wardAdminsA.size() + 1);
                for (var headline : HEADLINES.entrySet()) {
                    double sum = sums.get(headline.getKey());
                    assertThat(number(total.getCell(columns.get(headline.getValue()))))
                            .as(month + " " + headline.getValue())
                            .isEqualTo(sum);
                    double ofRows = 0;
                    for (int r = 1; r < byWard.getLastRowNum(); r++) {
                        ofRows += number(byWard.getRow(r).getCell(columns.get(headline.getValue())));
                    }
                    assertThat(ofRows).isEqualTo(sum);
                }
                Map<String, Double> summary = summarySheet(workbook);
                assertThat(summary.get("Phản ánh tiếp nhận")).isEqualTo(sums.get("Phản ánh tiếp nhận"));
                assertThat(summary.get("Tồn cuối kỳ (toàn tỉnh)")).isEqualTo(sums.get("Tồn cuối kỳ (toàn phường)"));
                // It prints as the ward's workbook does: A4, one page wide.
                PrintSetup print = byWard.getPrintSetup();
                assertThat(print.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
                assertThat(print.getFitWidth()).isEqualTo((short) 1);
                assertThat(byWard.getRepeatingRows()).isNotNull();
                XSSFSheet ranking = book.getSheet("Xếp hạng");
                assertThat(ranking.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Hạng");
                assertThat(ranking.getLastRowNum()).isEqualTo(wardAdminsA.size());
            }
        }
    }

    @Test
    void theCsvZipHoldsTheSameTables() throws IOException {
        var answer = get(provinceAdminA, "/api/v1/province/stats/export?from=2026-10-01&to=2026-12-31&format=csv")
                .expectStatus()
                .isOk();
        answer.expectHeader().contentType("application/zip");
        answer.expectHeader()
                .valueEquals(
                        "Content-Disposition",
                        "attachment; filename=\"thong-ke-tinh-" + provinceA.code() + "-2026-Q4.zip\"");
        Map<String, String> files = new LinkedHashMap<>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(
                answer.expectBody(byte[].class).returnResult().getResponseBody()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(files).containsOnlyKeys("tong-hop.csv", "theo-phuong-xa.csv", "xep-hang.csv");
        assertThat(files.values()).allSatisfy(csv -> assertThat(csv).startsWith("\uFEFF"));
        ProvinceStatisticsDto quarter = province(provinceAdminA, "from=2026-10-01&to=2026-12-31");
        assertThat(quarter.getPeriod().getLabel()).isEqualTo("Quý IV/2026");
        String[] lines = files.get("theo-phuong-xa.csv").split("\r\n");
        assertThat(lines).hasSize(wardAdminsA.size() + 2);
        assertThat(lines[lines.length - 1])
                .startsWith(",\"Toàn tỉnh, thành phố\","
                        + quarter.getTotal().getCounts().getReceived() + ","
                        + quarter.getTotal().getCounts().getViolations() + ",");
        assertThat(files.get("tong-hop.csv")).contains("\r\nTóm tắt,\"" + quarter.getSummaryText() + "\"\r\n");
    }

    private void assertRowsAreTheWardsOwn(ProvinceStatisticsDto province, Map<UUID, String> admins, String period) {
        for (var ward : admins.entrySet()) {
            PeriodStatisticsDto own = wardFigures(ward.getValue(), period.substring("month=".length()));
            ProvinceWardFiguresDto row = row(province, ward.getKey());
            assertThat(row.getWardCode()).isEqualTo(own.getWardCode());
            assertThat(row.getWardName()).isEqualTo(own.getWardName());
            assertThat(row.getCounts())
                    .as(row.getWardCode())
                    .isEqualTo(own.getTotals().getCounts());
            assertThat(row.getOpenAtEnd())
                    .as(row.getWardCode())
                    .isEqualTo(own.getTotals().getOpenAtEnd());
            assertThat(row.getOverdueAtEnd())
                    .as(row.getWardCode())
                    .isEqualTo(own.getTotals().getOverdueAtEnd());
            assertThat(row.getRepeatPoints()).isEqualTo(own.getRepeatPoints().getActive());
            assertThat(row.getInspectionRounds())
                    .isEqualTo(own.getInspectionRounds().getCount());
        }
    }

    private static void assertTotalsAreTheSums(ProvinceStatisticsDto province) {
        var total = province.getTotal();
        List<ProvinceWardFiguresDto> rows = province.getWards();
        assertThat(total.getWards()).isEqualTo(rows.size());
        assertThat(total.getCounts().getReceived())
                .isEqualTo(sum(rows, row -> row.getCounts().getReceived()));
        assertThat(total.getCounts().getViolations())
                .isEqualTo(sum(rows, row -> row.getCounts().getViolations()));
        assertThat(total.getCounts().getDuplicates())
                .isEqualTo(sum(rows, row -> row.getCounts().getDuplicates()));
        assertThat(total.getCounts().getRejected())
                .isEqualTo(sum(rows, row -> row.getCounts().getRejected()));
        assertThat(total.getCounts().getResolved())
                .isEqualTo(sum(rows, row -> row.getCounts().getResolved()));
        assertThat(total.getCounts().getResolvedOnTime())
                .isEqualTo(sum(rows, row -> row.getCounts().getResolvedOnTime()));
        assertThat(total.getCounts().getRepeatOffences())
                .isEqualTo(sum(rows, row -> row.getCounts().getRepeatOffences()));
        assertThat(total.getOpenAtEnd()).isEqualTo(sum(rows, ProvinceWardFiguresDto::getOpenAtEnd));
        assertThat(total.getOverdueAtEnd()).isEqualTo(sum(rows, ProvinceWardFiguresDto::getOverdueAtEnd));
        assertThat(total.getRepeatPoints()).isEqualTo(sum(rows, ProvinceWardFiguresDto::getRepeatPoints));
        assertThat(total.getInspectionRounds()).isEqualTo(sum(rows, ProvinceWardFiguresDto::getInspectionRounds));
        assertThat(total.getCounts().getOnTimePercent())
                .isEqualTo(ReportCounts.percent(
                        total.getCounts().getResolvedOnTime(), total.getCounts().getResolved()));
    }

    private static long sum(
            List<ProvinceWardFiguresDto> rows, java.util.function.ToLongFunction<ProvinceWardFiguresDto> figure) {
        return rows.stream().mapToLong(figure).sum();
    }

    private static void assertCounts(
            ReportCountsDto counts, long received, long violations, long resolved, long onTime) {
        assertThat(counts.getReceived()).isEqualTo(received);
        assertThat(counts.getViolations()).isEqualTo(violations);
        assertThat(counts.getResolved()).isEqualTo(resolved);
        assertThat(counts.getResolvedOnTime()).isEqualTo(onTime);
    }

    /**
     * Reports in the ward, submitted by its patrol and handled through the API as each plan says:
     * ON_TIME resolved within its deadline, LATE resolved after it, OVERDUE waiting past it,
     * WAITING within it, REJECT rejected as no violation.
     */
    private void handle(UUID ward, String admin, List<String> plans) {
        UUID unit = fixtures.unit(ward);
        String patrol = fixtures.bearer(fixtures.user(ward, "PATROL"));
        String staff = fixtures.bearer(fixtures.user(ward, unit, "UNIT_STAFF"));
        for (String plan : plans) {
            ReportDto report = Submission.sound()
                    .category("SANITATION")
                    .observedAt(Instant.now().minus(2, ChronoUnit.MINUTES))
                    .submitted(http, patrol);
            if (plan.equals("REJECT")) {
                action(
                        admin,
                        report,
                        "{\"action\": \"REJECT\", \"reason\": \"NOT_A_VIOLATION\", \"note\": \"Có phép\"}");
                continue;
            }
            ReportDto assigned = action(
                    admin,
                    report,
                    "{\"action\": \"REASSIGN\", \"unitId\": \"" + unit + "\", \"note\": \"Giao đơn vị\"}");
            if (plan.equals("LATE") || plan.equals("OVERDUE")) {
                // A deadline already past, as a short one would be by now.
                database.sql("UPDATE report SET due_at = now() - interval '1 minute' WHERE id = :id")
                        .bind("id", report.getId())
                        .then()
                        .block();
            }
            if (plan.equals("ON_TIME") || plan.equals("LATE")) {
                Resolutions.acceptAndResolve(http, staff, assigned);
            }
        }
    }

    private ReportDto action(String admin, ReportDto report, String body) {
        return http.post()
                .uri("/api/v1/reports/" + report.getId() + "/actions")
                .header("Authorization", admin)
                .header("If-Match", "\"" + report.getVersion() + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();
    }

    private UUID ward(Province province, String suffix) {
        String code = "W" + suffix
                + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36)
                        .toUpperCase(Locale.ROOT);
        return database.sql("""
                        WITH w AS (INSERT INTO ward (province_id, code, name) VALUES (:province, :code, :name) RETURNING id)
                        INSERT INTO ward_area (ward_id, valid_from, area)
                        SELECT id, '2025-07-01T00:00:00+07:00', CAST(:area AS jsonb) FROM w
                        RETURNING ward_id AS id
                        """)
                .bind("province", province.id())
                .bind("code", code)
                .bind("name", "Phường thử " + code)
                .bind("area", AREA)
                .map(row -> row.get("id", UUID.class))
                .one()
                .block();
    }

    /** An officer of the province, with no ward, and the password of {@code template}. */
    private String provinceOfficer(Province province, String template, String role) {
        String username = Fixtures.uniqueUsername();
        database.sql("""
                        INSERT INTO app_user (province_id, ward_id, username, display_name, roles, password_hash)
                        SELECT :province, NULL, :username, :name, ARRAY[CAST(:role AS text)], password_hash
                          FROM app_user WHERE username = :template
                        """)
                .bind("province", province.id())
                .bind("username", username)
                .bind("name", "Cán bộ tỉnh " + username)
                .bind("role", role)
                .bind("template", template)
                .then()
                .block();
        return username;
    }

    private String name(UUID ward) {
        return database.sql("SELECT name FROM ward WHERE id = :id")
                .bind("id", ward)
                .map(row -> row.get("name", String.class))
                .one()
                .block();
    }

    /** The wards by code, as the province lists them. */
    private List<UUID> codeOrder(UUID... wards) {
        List<UUID> ordered = new ArrayList<>(List.of(wards));
        Map<UUID, String> codes = new HashMap<>();
        for (UUID ward : wards) {
            codes.put(
                    ward,
                    database.sql("SELECT code FROM ward WHERE id = :id")
                            .bind("id", ward)
                            .map(row -> row.get("code", String.class))
                            .one()
                            .block());
        }
        ordered.sort(java.util.Comparator.comparing(codes::get));
        return ordered;
    }

    private static String code() {
        return "T"
                + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36)
                        .toUpperCase(Locale.ROOT);
    }

    private static ProvinceWardFiguresDto row(ProvinceStatisticsDto province, UUID ward) {
        return province.getWards().stream()
                .filter(row -> row.getWardId().equals(ward))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for ward " + ward));
    }

    private ProvinceStatisticsDto province(String bearer, String query) {
        return get(bearer, "/api/v1/province/stats?" + query)
                .expectStatus()
                .isOk()
                .expectBody(ProvinceStatisticsDto.class)
                .returnResult()
                .getResponseBody();
    }

    /** A ward's own figures: {@code month} is YYYY-MM, or from=…&to=…. */
    private PeriodStatisticsDto wardFigures(String bearer, String month) {
        String uri = month.startsWith("from=") || month.contains("&")
                ? "/api/v1/stats?" + month
                : "/api/v1/stats/monthly?month=" + month;
        return get(bearer, uri)
                .expectStatus()
                .isOk()
                .expectBody(PeriodStatisticsDto.class)
                .returnResult()
                .getResponseBody();
    }

    private WebTestClient.ResponseSpec get(String bearer, String uri) {
        return http.get().uri(uri).header("Authorization", bearer).exchange();
    }

    private byte[] download(String bearer, String uri) {
        return get(bearer, uri)
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
    }

    /** The label and number of every row of a workbook's "Tổng hợp" sheet that holds a number. */
    private static Map<String, Double> summarySheet(byte[] workbook) throws IOException {
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            XSSFSheet sheet = book.getSheet("Tổng hợp");
            Map<String, Double> values = new HashMap<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Cell value = sheet.getRow(r).getCell(1);
                if (value != null && value.getCellType() == CellType.NUMERIC) {
                    values.put(sheet.getRow(r).getCell(0).getStringCellValue(), value.getNumericCellValue());
                }
            }
            return values;
        }
    }

    private static Map<String, Integer> headerColumns(XSSFSheet sheet) {
        Map<String, Integer> columns = new HashMap<>();
        Row header = sheet.getRow(0);
        for (int c = 0; c < header.getLastCellNum(); c++) {
            columns.put(header.getCell(c).getStringCellValue(), c);
        }
        return columns;
    }

    private static double number(Cell cell) {
        return cell == null || cell.getCellType() == CellType.BLANK ? 0 : cell.getNumericCellValue();
    }

    /** Label in the ward's "Tổng hợp" → header of the province's "Theo phường xã". */
    private static Map<String, String> headlines() {
        Map<String, String> headlines = new LinkedHashMap<>();
        headlines.put("Phản ánh tiếp nhận", "Phản ánh tiếp nhận");
        headlines.put("Vụ vi phạm", "Vụ vi phạm");
        headlines.put("Trùng lặp", "Trùng lặp");
        headlines.put("Từ chối", "Từ chối");
        headlines.put("Đã xử lý", "Đã xử lý");
        headlines.put("Xử lý đúng hạn", "Xử lý đúng hạn");
        headlines.put("Vụ tái phạm", "Vụ tái phạm");
        headlines.put("Tồn cuối kỳ (toàn phường)", "Tồn cuối kỳ");
        headlines.put("Quá hạn cuối kỳ (toàn phường)", "Quá hạn cuối kỳ");
        headlines.put("Điểm tái phạm có vi phạm trong kỳ", "Điểm tái phạm");
        headlines.put("Đợt kiểm tra", "Đợt kiểm tra");
        return headlines;
    }
}
