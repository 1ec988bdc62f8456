package vn.urbanorder.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.AreaFiguresDto;
import vn.urbanorder.api.model.CategoryFiguresDto;
import vn.urbanorder.api.model.ComparedFigureDto;
import vn.urbanorder.api.model.PeriodStatisticsDto;
import vn.urbanorder.api.model.ReportCountsDto;
import vn.urbanorder.api.model.StatsPeriodKindDto;
import vn.urbanorder.api.model.SubtypeFiguresDto;
import vn.urbanorder.api.model.UnitFiguresDto;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;

/** October 2026 of {@link OctoberSeed}'s ward, counted exactly in JSON, XLSX and CSV. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsIntegrationTests {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DatabaseClient database;

    OctoberSeed seed;
    String admin;

    @BeforeAll
    void seed() {
        seed = new OctoberSeed(database, fixtures);
        admin = fixtures.bearer(seed.admin);
    }

    @Test
    void octoberCountsExactlyWhatWasSeeded() {
        PeriodStatisticsDto october = monthly(admin, "2026-10");

        assertThat(october.getPeriod().getKind()).isEqualTo(StatsPeriodKindDto.MONTH);
        assertThat(october.getPeriod().getLabel()).isEqualTo("Tháng 10/2026");
        assertThat(october.getPeriod().getTimeZone()).isEqualTo("Asia/Ho_Chi_Minh");
        assertThat(october.getSummaryText())
                .isEqualTo("Tháng 10/2026: tổ chức 1 đợt kiểm tra, phát hiện 7 vụ vi phạm trật tự đô thị, trong đó"
                        + " có 2 điểm tái phạm; đã xử lý 5 vụ (71,4%), đúng hạn 60,0%.");

        // R1-R9 and R12: R9 at 23:30 on the 31st is October's, R10 at 00:10 on the 1st is not.
        assertCounts(october.getTotals().getCounts(), 10, 7, 1, 2, 5, 3, 3);
        assertThat(october.getTotals().getCounts().getResolvedPercent()).isEqualTo(71.4);
        assertThat(october.getTotals().getCounts().getOnTimePercent()).isEqualTo(60.0);
        assertThat(october.getTotals().getResolvedLate()).isEqualTo(2);
        assertThat(october.getTotals().getOpen()).isEqualTo(2);
        // The ward's queue at the month's end: U1's two and U2's two, one of each overdue.
        assertThat(october.getTotals().getOpenAtEnd()).isEqualTo(4);
        assertThat(october.getTotals().getOverdueAtEnd()).isEqualTo(2);
        assertThat(october.getByMonth())
                .extracting(month -> month.getMonth(), month -> month.getLabel(), month -> month.getCounts()
                        .getReceived())
                .containsExactly(tuple("2026-10", "Tháng 10/2026", 10L));
        assertThat(october.getTotals().getRejectedByReason())
                .extracting(reason -> reason.getReason().getValue(), reason -> reason.getCount())
                .containsExactly(
                        tuple("NOT_A_VIOLATION", 1L),
                        tuple("OUT_OF_AREA", 1L),
                        tuple("DUPLICATE", 0L),
                        tuple("OTHER", 0L));

        CategoryFiguresDto sidewalk = category(october, "SIDEWALK_ENCROACHMENT");
        assertCounts(sidewalk.getCounts(), 5, 4, 1, 0, 2, 1, 2);
        assertCounts(subtype(sidewalk, "GOODS_DISPLAY").getCounts(), 3, 3, 0, 0, 2, 1, 2);
        assertCounts(subtype(sidewalk, "VEHICLE_PARKING").getCounts(), 2, 1, 1, 0, 0, 0, 0);
        assertCounts(subtype(sidewalk, "MATERIALS").getCounts(), 0, 0, 0, 0, 0, 0, 0);
        assertThat(sidewalk.getSubtypes()).noneMatch(row -> row.getSubtype() == null);
        CategoryFiguresDto construction = category(october, "CONSTRUCTION");
        assertCounts(construction.getCounts(), 3, 2, 0, 1, 2, 1, 1);
        assertCounts(subtype(construction, "NO_PERMIT").getCounts(), 1, 1, 0, 0, 1, 1, 0);
        assertCounts(subtype(construction, "NOT_AS_PERMITTED").getCounts(), 1, 1, 0, 0, 1, 0, 1);
        assertCounts(subtype(construction, null).getCounts(), 1, 0, 0, 1, 0, 0, 0);
        CategoryFiguresDto sanitation = category(october, "SANITATION");
        assertCounts(sanitation.getCounts(), 2, 1, 0, 1, 1, 1, 0);
        assertCounts(subtype(sanitation, null).getCounts(), 1, 1, 0, 0, 1, 1, 0);
        assertCounts(subtype(sanitation, "LITTERING").getCounts(), 1, 0, 0, 1, 0, 0, 0);

        // Zones of the map in force in October (TDP09 closed in September), then the reports in none.
        assertThat(october.getByZone())
                .extracting(AreaFiguresDto::getCode)
                .containsExactly("TDP01", "TDP02", "TDP03", null);
        assertCounts(area(october.getByZone(), "TDP01").getCounts(), 5, 4, 0, 1, 3, 1, 3);
        assertCounts(area(october.getByZone(), "TDP02").getCounts(), 3, 2, 1, 0, 1, 1, 0);
        assertCounts(area(october.getByZone(), "TDP03").getCounts(), 0, 0, 0, 0, 0, 0, 0);
        assertCounts(area(october.getByZone(), null).getCounts(), 2, 1, 0, 1, 1, 1, 0);
        assertThat(area(october.getByZone(), null)).isNotNull();
        assertThat(october.getBySegment()).extracting(AreaFiguresDto::getCode).containsExactly("TKQ01", null);
        assertCounts(area(october.getBySegment(), "TKQ01").getCounts(), 2, 2, 0, 0, 2, 2, 0);
        assertCounts(area(october.getBySegment(), null).getCounts(), 8, 5, 1, 2, 3, 1, 3);

        // R3 is now U2's, but at the month's end it was U1's and overdue; R4 was in progress then.
        UnitFiguresDto unit1 = unit(october, seed.unit1.toString());
        assertThat(unit1.getAssigned()).isEqualTo(3);
        assertThat(unit1.getResolved()).isEqualTo(2);
        assertThat(unit1.getResolvedOnTime()).isEqualTo(1);
        assertThat(unit1.getOnTimePercent()).isEqualTo(50.0);
        assertThat(unit1.getMedianHoursToResolve()).isEqualTo(36.5);
        assertThat(unit1.getP90HoursToResolve()).isEqualTo(45.7);
        assertThat(unit1.getOpenAtEnd()).isEqualTo(2);
        assertThat(unit1.getOverdueAtEnd()).isEqualTo(1);
        UnitFiguresDto unit2 = unit(october, seed.unit2.toString());
        assertThat(unit2.getAssigned()).isEqualTo(4);
        assertThat(unit2.getResolved()).isEqualTo(3);
        assertThat(unit2.getResolvedOnTime()).isEqualTo(2);
        assertThat(unit2.getMedianHoursToResolve()).isEqualTo(240.0);
        assertThat(unit2.getP90HoursToResolve()).isEqualTo(508.8);
        assertThat(unit2.getOpenAtEnd()).isEqualTo(2);
        assertThat(unit2.getOverdueAtEnd()).isEqualTo(1);
        assertThat(october.getByUnit()).hasSize(2);

        // L1 became a repeat point on the 7th (new); L5 was one already.
        assertThat(october.getRepeatPoints().getNewInPeriod()).isEqualTo(1);
        assertThat(october.getRepeatPoints().getActive()).isEqualTo(2);
        assertThat(october.getRepeatPoints().getRepeatOffences()).isEqualTo(3);
        assertThat(october.getRepeatPoints().getTop())
                .extracting(
                        point -> point.getCategory(),
                        point -> point.getAddress(),
                        point -> point.getZoneCode(),
                        point -> point.getReportsInPeriod(),
                        point -> point.getRepeatOffencesInPeriod(),
                        point -> point.getReportCount(),
                        point -> point.getRepeatCount())
                .containsExactly(
                        tuple("SIDEWALK_ENCROACHMENT", "Số 1 phố Thử", "TDP01", 3L, 2L, 4L, 2L),
                        tuple("CONSTRUCTION", null, "TDP01", 1L, 1L, 2L, 2L));

        // RD2 began in September and ran into October: listed, not counted (it is September's).
        assertThat(october.getInspectionRounds().getCount()).isEqualTo(1);
        assertThat(october.getInspectionRounds().getReportsFound()).isEqualTo(2);
        assertThat(october.getInspectionRounds().getViolationsFound()).isEqualTo(1);
        assertThat(october.getInspectionRounds().getRounds())
                .extracting(round -> round.getTitle(), round -> round.getStartedInPeriod(), round -> round.getReports())
                .containsExactly(tuple("Kiểm tra cuối tháng 9", false, 0L), tuple("Kiểm tra tuyến phố Thử", true, 2L));

        assertThat(october.getPatrolActivity())
                .extracting(patrol -> patrol.getUsername())
                .containsExactly(seed.patrol1, seed.patrol2);
        assertCounts(october.getPatrolActivity().get(0).getCounts(), 6, 5, 1, 0, 4, 2, 3);
        assertCounts(october.getPatrolActivity().get(1).getCounts(), 4, 2, 0, 2, 1, 1, 0);

        // September: R11 (resolved on time, 23:50 on the 30th), R13 (open) and R14 (resolved, then
        // disputed in November: open now, but not waiting for U1 at October's end); round RD2.
        assertThat(october.getComparison().getPrevious().getLabel()).isEqualTo("Tháng 9/2026");
        assertThat(october.getComparison().getFigures())
                .extracting(
                        figure -> figure.getFigure().getValue(),
                        ComparedFigureDto::getCurrent,
                        ComparedFigureDto::getPrevious,
                        ComparedFigureDto::getDifference,
                        ComparedFigureDto::getChangePercent)
                .containsExactly(
                        tuple("RECEIVED", 10.0, 3.0, 7.0, 233.3),
                        tuple("VIOLATIONS", 7.0, 3.0, 4.0, 133.3),
                        tuple("RESOLVED", 5.0, 1.0, 4.0, 400.0),
                        tuple("RESOLVED_PERCENT", 71.4, 33.3, 38.1, null),
                        tuple("ON_TIME_PERCENT", 60.0, 100.0, -40.0, null),
                        tuple("REPEAT_POINTS", 2.0, 0.0, 2.0, null),
                        tuple("REPEAT_OFFENCES", 3.0, 0.0, 3.0, null),
                        tuple("INSPECTION_ROUNDS", 1.0, 1.0, 0.0, 0.0),
                        tuple("OPEN", 2.0, 2.0, 0.0, 0.0),
                        // At September's end R13 (due 09-22) was overdue, R11 (due 10-02) waiting.
                        tuple("OVERDUE_AT_END", 2.0, 1.0, 1.0, 100.0));

        PeriodStatisticsDto november = monthly(admin, "2026-11");
        assertThat(november.getTotals().getCounts().getReceived()).isEqualTo(1);

        // October's end is long past: its workload was read from the trail once, and is kept.
        assertThat(database.sql("SELECT count(*) AS n FROM workload_snapshot WHERE ward_id = :ward AND at = :at")
                        .bind("ward", seed.ward)
                        .bind("at", OctoberSeed.local("2026-11-01T00:00"))
                        .map(row -> row.get("n", Long.class))
                        .one()
                        .block())
                .isEqualTo(1);
        assertThat(monthly(admin, "2026-10").getByUnit()).isEqualTo(october.getByUnit());
    }

    @Test
    void aPastMonthStaysAsItWasWhenZonesUnitsAndLocationCountsChangeLater() {
        PeriodStatisticsDto before = monthly(admin, "2026-10");
        // A new map closes TDP01 and opens a renamed one; U1 is stood down.
        database.sql("UPDATE zone SET valid_to = now() WHERE id = :zone")
                .bind("zone", seed.zone1)
                .then()
                .block();
        database.sql("INSERT INTO zone (ward_id, code, name, kind, geometry, valid_from)"
                        + " VALUES (:ward, 'TDP01', 'Tổ dân phố số 1 mới', 'ZONE', '{}'::jsonb, now())")
                .bind("ward", seed.ward)
                .then()
                .block();
        database.sql("UPDATE unit SET active = false WHERE id = :unit")
                .bind("unit", seed.unit1)
                .then()
                .block();
        // A clearing reopened since makes the locations recount: repeat points stay as intake flagged them.
        database.sql("UPDATE violation_location SET first_repeat_at = NULL, repeat_count = 0 WHERE ward_id = :ward")
                .bind("ward", seed.ward)
                .then()
                .block();
        try {
            PeriodStatisticsDto after = monthly(admin, "2026-10");
            assertThat(after.getSummaryText()).isEqualTo(before.getSummaryText());
            assertThat(after.getTotals()).isEqualTo(before.getTotals());
            assertThat(after.getByCategory()).isEqualTo(before.getByCategory());
            assertThat(after.getByZone()).isEqualTo(before.getByZone());
            assertThat(after.getBySegment()).isEqualTo(before.getBySegment());
            assertThat(after.getByUnit()).isEqualTo(before.getByUnit());
            assertThat(after.getRepeatPoints()).isEqualTo(before.getRepeatPoints());
            assertThat(after.getInspectionRounds()).isEqualTo(before.getInspectionRounds());
            assertThat(after.getPatrolActivity()).isEqualTo(before.getPatrolActivity());
            assertThat(after.getComparison()).isEqualTo(before.getComparison());
        } finally {
            database.sql("UPDATE unit SET active = true WHERE id = :unit")
                    .bind("unit", seed.unit1)
                    .then()
                    .block();
        }
    }

    @Test
    void aZoneOfAMapDrawnAfterThePeriodStillShowsItsName() {
        // As in a ward that drew its map after its first reports: TDP01's only row starts later.
        database.sql("UPDATE zone SET valid_from = '2026-11-15T00:00:00Z' WHERE id = :zone")
                .bind("zone", seed.zone1)
                .then()
                .block();
        try {
            assertThat(monthly(admin, "2026-10").getByZone())
                    .filteredOn(row -> "TDP01".equals(row.getCode()))
                    .singleElement()
                    .satisfies(row -> {
                        // (another test may have renamed it since: the latest name is shown)
                        assertThat(row.getName()).startsWith("Tổ dân phố số 1");
                        assertThat(row.getCounts().getReceived()).isPositive();
                    });
        } finally {
            database.sql("UPDATE zone SET valid_from = '2026-01-01T00:00:00Z' WHERE id = :zone")
                    .bind("zone", seed.zone1)
                    .then()
                    .block();
        }
    }

    @Test
    void aPeriodNotYetOverShowsTheWorkloadAsItIsNow() {
        // Every waiting report is past its deadline by now: R9, R10 and the disputed R14 for U1;
        // R3 (reassigned in November) and R13 for U2.
        PeriodStatisticsDto sinceOctober = http.get()
                .uri("/api/v1/stats?from=2026-10-01&to=2027-06-30")
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(PeriodStatisticsDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(sinceOctober.getByUnit())
                .extracting(UnitFiguresDto::getUnitId, UnitFiguresDto::getOpenAtEnd, UnitFiguresDto::getOverdueAtEnd)
                .containsExactlyInAnyOrder(tuple(seed.unit1, 3L, 3L), tuple(seed.unit2, 2L, 2L));
    }

    @Test
    void aQuarterIsNamedAndComparedWithTheQuarterBefore() {
        PeriodStatisticsDto quarter = http.get()
                .uri("/api/v1/stats?from=2026-10-01&to=2026-12-31")
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(PeriodStatisticsDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(quarter.getPeriod().getKind()).isEqualTo(StatsPeriodKindDto.QUARTER);
        assertThat(quarter.getPeriod().getLabel()).isEqualTo("Quý IV/2026");
        assertThat(quarter.getTotals().getCounts().getReceived()).isEqualTo(11);
        assertThat(quarter.getComparison().getPrevious().getLabel()).isEqualTo("Quý III/2026");
        assertThat(quarter.getComparison().getFigures().get(0).getPrevious()).isEqualTo(4.0);
        assertThat(quarter.getSummaryText()).startsWith("Quý IV/2026: tổ chức 2 đợt kiểm tra, phát hiện 8 vụ");
        // R9 at 23:30 on 31 October is October's, R10 at 00:10 on 1 November November's.
        assertThat(quarter.getByMonth())
                .extracting(
                        month -> month.getLabel(), month -> month.getCounts().getReceived())
                .containsExactly(tuple("Tháng 10/2026", 10L), tuple("Tháng 11/2026", 1L), tuple("Tháng 12/2026", 0L));
    }

    @Test
    void theWorkbookHoldsTheSameFiguresWithVietnameseHeadersRealTypesAndFrozenFilteredHeaders() throws IOException {
        var response = export("/api/v1/stats/monthly/2026-10/export?format=xlsx", XLSX);
        assertThat(response.disposition())
                .isEqualTo("attachment; filename=\"thong-ke-" + wardCode() + "-2026-10.xlsx\"");
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            List<String> sheets = new ArrayList<>();
            book.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets)
                    .containsExactly(
                            "Tổng hợp",
                            "Theo lĩnh vực",
                            "Theo tổ dân phố",
                            "Theo tuyến khoán quản",
                            "Theo đơn vị",
                            "Điểm tái phạm",
                            "Đợt kiểm tra",
                            "Tuần tra",
                            "So sánh kỳ trước",
                            "Danh sách phản ánh");
            assertThat(book.getActiveSheetIndex()).isZero();
            for (var sheet : book) {
                assertThat(sheet.isSelected()).as(sheet.getSheetName()).isEqualTo(sheet == book.getSheetAt(0));
                assertThat(((XSSFSheet) sheet).getPaneInformation().isFreezePane())
                        .as(sheet.getSheetName())
                        .isTrue();
                assertThat(((XSSFSheet) sheet).getCTWorksheet().isSetAutoFilter())
                        .as(sheet.getSheetName())
                        .isTrue();
            }

            Map<String, Object> summary = keyValues(book.getSheet("Tổng hợp"));
            assertThat(summary)
                    .containsEntry("Phản ánh tiếp nhận", 10.0)
                    .containsEntry("Vụ vi phạm", 7.0)
                    .containsEntry("Trùng lặp", 1.0)
                    .containsEntry("Từ chối", 2.0)
                    .containsEntry("Từ chối – Không phải vi phạm", 1.0)
                    .containsEntry("Đã xử lý", 5.0)
                    .containsEntry("Xử lý trễ hạn", 2.0)
                    .containsEntry("Tỷ lệ đúng hạn (%)", 60.0)
                    .containsEntry("Điểm tái phạm có vi phạm trong kỳ", 2.0)
                    .containsEntry("Đợt kiểm tra", 1.0)
                    .containsEntry("Tồn cuối kỳ (toàn phường)", 4.0)
                    .containsEntry("Quá hạn cuối kỳ (toàn phường)", 2.0)
                    .containsEntry(
                            "Tóm tắt",
                            "Tháng 10/2026: tổ chức 1 đợt kiểm tra, phát hiện 7 vụ vi phạm trật tự đô thị,"
                                    + " trong đó có 2 điểm tái phạm; đã xử lý 5 vụ (71,4%), đúng hạn 60,0%.");

            XSSFSheet reports = book.getSheet("Danh sách phản ánh");
            Row header = reports.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Số phản ánh");
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("Thời điểm phát hiện");
            assertThat(header.getCell(12).getStringCellValue()).isEqualTo("Trạng thái");
            assertThat(reports.getLastRowNum()).isEqualTo(10);
            Row last = reports.getRow(10); // R9, observed last: 23:30 on 31 October, local time
            assertThat(last.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(last.getCell(1))).isTrue();
            assertThat(last.getCell(1).getLocalDateTimeCellValue()).isEqualTo("2026-10-31T23:30");
            assertThat(last.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(last.getCell(6).getNumericCellValue()).isEqualTo(21.04);
            assertThat(last.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("0.000000");
            assertThat(last.getCell(12).getStringCellValue()).isEqualTo("Đã giao");
            assertThat(last.getCell(19).getStringCellValue()).isEqualTo("Có");
            long duplicates = 0;
            for (int i = 1; i <= reports.getLastRowNum(); i++) {
                var cell = reports.getRow(i).getCell(17);
                duplicates += cell != null && "Có".equals(cell.getStringCellValue()) ? 1 : 0;
            }
            assertThat(duplicates).isEqualTo(1);

            XSSFSheet units = book.getSheet("Theo đơn vị");
            assertThat(units.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Vụ được giao");
            assertThat(units.getRow(1).getCell(2).getNumericCellValue()
                            + units.getRow(2).getCell(2).getNumericCellValue())
                    .isEqualTo(7.0);
        }
        assertNoExportFileLeft();
    }

    /**
     * Printed from LibreOffice Calc, the summary cut its own labels and its sentence ran onto a
     * second page. Now every sheet is set for A4, fitted to one page wide, with its header row on
     * every page; every header and every label is as wide as its column lets it print whole
     * (measured with the font's own metrics), and longer text wraps on a row tall enough.
     */
    @Test
    void theWorkbookPrintsOnA4WithEveryLabelWholeAndLongTextWrapped() throws IOException {
        byte[] body =
                export("/api/v1/stats/monthly/2026-10/export?format=xlsx", XLSX).body();
        Path copy = Path.of("target", "stats-print", "thong-ke-2026-10.xlsx");
        Files.createDirectories(copy.getParent());
        Files.write(copy, body); // for a look in a spreadsheet program
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            var font = book.getFontAt(0);
            assertThat(font.getFontName()).isEqualTo("Times New Roman");
            // Not the theme's font, which would show Calibri whatever the name says.
            assertThat(font.getScheme()).isEqualTo(org.apache.poi.ss.usermodel.FontScheme.NONE);
            double points = font.getFontHeightInPoints();
            double digit = PrintedText.digitPx(points);
            for (var sheet : book) {
                XSSFSheet printed = (XSSFSheet) sheet;
                String name = sheet.getSheetName();
                var setup = printed.getPrintSetup();
                assertThat(setup.getPaperSize()).as(name).isEqualTo(PrintSetup.A4_PAPERSIZE);
                assertThat(printed.getFitToPage()).as(name).isTrue();
                assertThat(setup.getFitWidth()).as(name).isEqualTo((short) 1);
                assertThat(setup.getFitHeight()).as(name).isZero();
                CellRangeAddress titles = printed.getRepeatingRows();
                assertThat(titles).as(name).isNotNull();
                assertThat(List.of(titles.getFirstRow(), titles.getLastRow()))
                        .as(name)
                        .containsExactly(0, 0);
                assertThat(printed.getMargin(Sheet.LeftMargin)).as(name).isBetween(0.5, 1.0);
                double sheetPx = 0;
                int columns = sheet.getRow(0).getLastCellNum();
                for (int column = 0; column < columns; column++) {
                    sheetPx += printed.getColumnWidth(column) / 256.0 * digit;
                }
                // Upright when the columns fit a portrait page's width (210 mm less 25 mm of margins).
                assertThat(setup.getLandscape()).as(name).isEqualTo(sheetPx > (210 - 25.4) / 25.4 * 96);
                for (Row row : sheet) {
                    for (var cell : row) {
                        if (cell.getCellType() != CellType.STRING) {
                            continue;
                        }
                        String text = cell.getStringCellValue();
                        boolean header = row.getRowNum() == 0;
                        double columnPx = printed.getColumnWidth(cell.getColumnIndex()) / 256.0 * digit - 5;
                        double textPx = PrintedText.px(text, points, header);
                        if (header || !name.equals("Danh sách phản ánh")) {
                            boolean whole = textPx <= columnPx;
                            assertThat(whole || (!header && cell.getCellStyle().getWrapText()))
                                    .as(
                                            "%s!%s \"%s\" (%.0f px in %.0f px)",
                                            name, cell.getAddress(), text, textPx, columnPx)
                                    .isTrue();
                            if (!whole) {
                                double lines = Math.ceil(textPx / columnPx);
                                assertThat(row.getHeightInPoints())
                                        .as("%s!%s: %s lines", name, cell.getAddress(), lines)
                                        .isGreaterThanOrEqualTo((float) (lines * points * 1.15));
                            }
                        }
                    }
                }
            }
            XSSFSheet summary = book.getSheet("Tổng hợp");
            Row sentence = rowLabelled(summary, "Tóm tắt");
            assertThat(sentence.getCell(1).getCellStyle().getWrapText()).isTrue();
            assertThat(sentence.getHeightInPoints()).isGreaterThan(2 * 15f);
            assertThat(summary.getPrintSetup().getLandscape()).isFalse();
            for (String label : List.of(
                    "Phản ánh tiếp nhận", "Từ chối – Không phải vi phạm", "Vụ vi phạm phát hiện qua đợt kiểm tra")) {
                assertThat(summary.getColumnWidth(0) / 256.0 * digit - 5)
                        .as(label)
                        .isGreaterThanOrEqualTo(PrintedText.px(label, points, false));
            }
        }
        assertNoExportFileLeft();
    }

    private static Row rowLabelled(XSSFSheet sheet, String label) {
        for (Row row : sheet) {
            if (label.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row " + label);
    }

    @Test
    void theCsvZipHasAFilePerSectionEachInUtf8WithAByteOrderMark() throws IOException {
        var response = export("/api/v1/stats/monthly/2026-10/export?format=csv", "application/zip");
        assertThat(response.disposition())
                .isEqualTo("attachment; filename=\"thong-ke-" + wardCode() + "-2026-10.zip\"");
        Map<String, String> files = new LinkedHashMap<>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                byte[] bytes = zip.readAllBytes();
                assertThat(bytes).as(entry.getName()).startsWith(0xEF, 0xBB, 0xBF);
                files.put(entry.getName(), new String(bytes, StandardCharsets.UTF_8).substring(1));
            }
        }
        assertThat(files.keySet())
                .containsExactlyInAnyOrder(
                        "tong-hop.csv",
                        "theo-linh-vuc.csv",
                        "theo-to-dan-pho.csv",
                        "theo-tuyen.csv",
                        "theo-don-vi.csv",
                        "diem-tai-pham.csv",
                        "dot-kiem-tra.csv",
                        "tuan-tra.csv",
                        "so-sanh-ky-truoc.csv",
                        "danh-sach-phan-anh.csv");
        assertThat(files.get("tong-hop.csv"))
                .startsWith("Chỉ tiêu,Giá trị\r\n")
                .contains("\r\nPhản ánh tiếp nhận,10\r\n")
                .contains("\r\nVụ vi phạm,7\r\n")
                .contains("\r\nTrùng lặp,1\r\n")
                .contains("\r\nTừ chối,2\r\n")
                .contains("\r\nXử lý trễ hạn,2\r\n")
                .contains("\r\nTỷ lệ xử lý (%),71.4\r\n")
                .contains("\r\nĐiểm tái phạm có vi phạm trong kỳ,2\r\n")
                .contains("\"Tháng 10/2026: tổ chức 1 đợt kiểm tra, phát hiện 7 vụ vi phạm trật tự đô thị,");
        assertThat(files.get("theo-to-dan-pho.csv")).contains("\r\nTDP01,Tổ dân phố số 1,5,4,0,1,3,1,75,33.3,3\r\n");
        String[] lines = files.get("danh-sach-phan-anh.csv").split("\r\n");
        assertThat(lines).hasSize(11);
        assertThat(lines[0]).startsWith("Số phản ánh,Thời điểm phát hiện,Thời điểm tiếp nhận,Lĩnh vực,");
        assertThat(lines[10]).contains(",2026-10-31 23:30:00,2026-10-31 23:35:00,");
        assertNoExportFileLeft();
    }

    @Test
    void theJsonFileIsTheFiguresDocument() {
        var response = export("/api/v1/stats/export?from=2026-10-01&to=2026-10-15&format=json", "application/json");
        assertThat(response.disposition())
                .isEqualTo("attachment; filename=\"thong-ke-" + wardCode() + "-2026-10-01_2026-10-15.json\"");
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .contains("\"label\":\"Từ 01/10/2026 đến 15/10/2026\"")
                .contains("\"kind\":\"DAYS\"");
    }

    @Test
    void onlyWardAdminsAndInspectorsReadFigures() {
        assertThat(monthly(fixtures.bearer(seed.inspector), "2026-10")
                        .getTotals()
                        .getCounts()
                        .getReceived())
                .isEqualTo(10);
        for (String caller : List.of(seed.patrol1, seed.unitStaff)) {
            String bearer = fixtures.bearer(caller);
            get(bearer, "/api/v1/stats/monthly?month=2026-10").expectStatus().isForbidden();
            get(bearer, "/api/v1/stats?from=2026-10-01&to=2026-10-31")
                    .expectStatus()
                    .isForbidden();
            get(bearer, "/api/v1/stats/monthly/2026-10/export?format=xlsx")
                    .expectStatus()
                    .isForbidden();
            get(bearer, "/api/v1/stats/export?from=2026-10-01&to=2026-10-31&format=csv")
                    .expectStatus()
                    .isForbidden();
        }
        http.get()
                .uri("/api/v1/stats/monthly?month=2026-10")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        // Another ward's admin reads only that ward: none of these reports.
        String stranger = fixtures.bearer(fixtures.user(fixtures.ward(), "WARD_ADMIN"));
        assertThat(monthly(stranger, "2026-10").getTotals().getCounts().getReceived())
                .isZero();
    }

    @Test
    void clumsyPeriodsAreRefusedWithTheFieldAtFault() {
        get(admin, "/api/v1/stats/monthly?month=2026-13")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("month");
        get(admin, "/api/v1/stats/monthly?month=10-2026").expectStatus().isEqualTo(422);
        get(admin, "/api/v1/stats/monthly").expectStatus().isBadRequest();
        get(admin, "/api/v1/stats?from=2026-10-31&to=2026-10-01")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("to");
        get(admin, "/api/v1/stats?from=2025-01-01&to=2026-01-02")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("to");
        get(admin, "/api/v1/stats?from=2026-10-01&to=yesterday").expectStatus().isBadRequest();
        get(admin, "/api/v1/stats/monthly/2026-10/export?format=odt")
                .expectStatus()
                .isBadRequest();
        get(admin, "/api/v1/stats/monthly/2026-10/export").expectStatus().isBadRequest();
        get(admin, "/api/v1/stats/monthly/2026-1/export?format=xlsx")
                .expectStatus()
                .isEqualTo(422);
        get(admin, "/api/v1/stats/monthly?month=1999-12")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("month");
        get(admin, "/api/v1/stats?from=2200-01-01&to=2200-01-31")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("from");
        assertNoExportFileLeft();
    }

    @Test
    void aMonthWithoutReportsExportsToo() {
        String emptyWardAdmin = fixtures.bearer(fixtures.user(fixtures.ward(), "WARD_ADMIN"));

        for (String format : List.of("xlsx", "csv")) {
            get(emptyWardAdmin, "/api/v1/stats/monthly/2026-10/export?format=" + format)
                    .expectStatus()
                    .isOk();
        }
        assertNoExportFileLeft();
    }

    private PeriodStatisticsDto monthly(String bearer, String month) {
        return get(bearer, "/api/v1/stats/monthly?month=" + month)
                .expectStatus()
                .isOk()
                .expectBody(PeriodStatisticsDto.class)
                .returnResult()
                .getResponseBody();
    }

    private WebTestClient.ResponseSpec get(String bearer, String uri) {
        return http.get().uri(uri).header("Authorization", bearer).exchange();
    }

    private record Download(String disposition, byte[] body) {}

    private Download export(String uri, String type) {
        var result = get(admin, uri)
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(type)
                .expectBody(byte[].class)
                .returnResult();
        return new Download(result.getResponseHeaders().getFirst("Content-Disposition"), result.getResponseBody());
    }

    private String wardCode() {
        return database.sql("SELECT code FROM ward WHERE id = :id")
                .bind("id", seed.ward)
                .map(row -> row.get("code", String.class))
                .one()
                .block();
    }

    /** The export's files are deleted once sent; deletion runs just after the response ends. */
    private static void assertNoExportFileLeft() {
        Path folder = Path.of(Fixtures.EXPORT_FOLDER);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            try (var files = Files.exists(folder) ? Files.list(folder) : java.util.stream.Stream.<Path>empty()) {
                if (files.findAny().isEmpty()) {
                    return;
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("export files left in " + folder);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Map<String, Object> keyValues(XSSFSheet sheet) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 1; i <= sheet.getLastRowNum(); i++) {
            Row row = sheet.getRow(i);
            var value = row.getCell(1);
            if (value != null) {
                values.put(
                        row.getCell(0).getStringCellValue(),
                        value.getCellType() == CellType.NUMERIC && !DateUtil.isCellDateFormatted(value)
                                ? (Object) value.getNumericCellValue()
                                : value.getCellType() == CellType.STRING ? value.getStringCellValue() : "date");
            }
        }
        return values;
    }

    private static void assertCounts(
            ReportCountsDto counts,
            long received,
            long violations,
            long duplicates,
            long rejected,
            long resolved,
            long onTime,
            long repeatOffences) {
        assertThat(List.of(
                        counts.getReceived(),
                        counts.getViolations(),
                        counts.getDuplicates(),
                        counts.getRejected(),
                        counts.getResolved(),
                        counts.getResolvedOnTime(),
                        counts.getRepeatOffences()))
                .containsExactly(received, violations, duplicates, rejected, resolved, onTime, repeatOffences);
    }

    private static CategoryFiguresDto category(PeriodStatisticsDto stats, String code) {
        return stats.getByCategory().stream()
                .filter(row -> row.getCategory().equals(code))
                .findFirst()
                .orElseThrow();
    }

    private static SubtypeFiguresDto subtype(CategoryFiguresDto category, String code) {
        return category.getSubtypes().stream()
                .filter(row -> java.util.Objects.equals(row.getSubtype(), code))
                .findFirst()
                .orElseThrow();
    }

    private static AreaFiguresDto area(List<AreaFiguresDto> areas, String code) {
        return areas.stream()
                .filter(row -> java.util.Objects.equals(row.getCode(), code))
                .findFirst()
                .orElseThrow();
    }

    private static UnitFiguresDto unit(PeriodStatisticsDto stats, String id) {
        return stats.getByUnit().stream()
                .filter(row ->
                        row.getUnitId() != null && row.getUnitId().toString().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
