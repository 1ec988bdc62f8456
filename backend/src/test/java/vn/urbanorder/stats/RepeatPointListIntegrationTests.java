package vn.urbanorder.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.PeriodStatisticsDto;
import vn.urbanorder.api.model.RepeatPointDto;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;

/**
 * A ward with 16 repeat points in October 2026, as the seed report's sentence has them ("trong đó có
 * 16 điểm tái phạm"): the workbook and the CSV list all 16; the JSON the ten first, with the count.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepeatPointListIntegrationTests {

    private static final int POINTS = 16;

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DatabaseClient database;

    String admin;

    /**
     * Point i (1 to 16) at "Số i phố Tái phạm": a report on 1 October, resolved that day, and a
     * repeat offence on (1 + i) October; point i has i − 1 more violations that month, so the
     * points with more come first and the ten first are 16 down to 7.
     */
    @BeforeAll
    void sixteenRepeatPoints() {
        UUID ward = fixtures.ward();
        String patrol = fixtures.user(ward, "PATROL");
        admin = fixtures.bearer(fixtures.user(ward, "WARD_ADMIN"));
        UUID reporter = database.sql("SELECT id FROM app_user WHERE username = :name")
                .bind("name", patrol)
                .map(row -> row.get("id", UUID.class))
                .one()
                .block();
        for (int point = 1; point <= POINTS; point++) {
            UUID location = UUID.randomUUID();
            double lat = 21.0410 + point * 0.0005;
            database.sql("INSERT INTO violation_location (id, ward_id, category, lat, lon, created_at)"
                            + " VALUES (:id, :ward, 'SIDEWALK_ENCROACHMENT', :lat, 105.8850, now())")
                    .bind("id", location)
                    .bind("ward", ward)
                    .bind("lat", lat)
                    .then()
                    .block();
            insert(ward, reporter, location, lat, "2026-10-01T09:00:00+07:00", "RESOLVED", false, point);
            insert(
                    ward,
                    reporter,
                    location,
                    lat,
                    "2026-10-%02dT09:00:00+07:00".formatted(1 + point),
                    "UNASSIGNED",
                    true,
                    point);
            for (int more = 1; more < point; more++) {
                insert(
                        ward,
                        reporter,
                        location,
                        lat,
                        "2026-10-20T%02d:00:00+07:00".formatted(more),
                        "UNASSIGNED",
                        true,
                        point);
            }
        }
    }

    @Test
    void theWorkbookListsEveryRepeatPointOfThePeriod() throws IOException {
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(download("xlsx")))) {
            assertThat(summaryValue(book.getSheet("Tổng hợp"), "Điểm tái phạm có vi phạm trong kỳ"))
                    .isEqualTo(16.0);
            XSSFSheet sheet = book.getSheet("Điểm tái phạm");
            assertThat(sheet.getLastRowNum()).isEqualTo(POINTS);
            for (int row = 1; row <= POINTS; row++) {
                int point = POINTS + 1 - row;
                assertThat(sheet.getRow(row).getCell(0).getNumericCellValue()).isEqualTo(row);
                assertThat(sheet.getRow(row).getCell(2).getStringCellValue()).isEqualTo(address(point));
                assertThat(sheet.getRow(row).getCell(6).getNumericCellValue()).isEqualTo(point + 1);
            }
        }
    }

    @Test
    void theCsvListsEveryRepeatPointOfThePeriod() throws IOException {
        String csv = null;
        try (var zip = new ZipInputStream(new ByteArrayInputStream(download("csv")))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("diem-tai-pham.csv")) {
                    csv = new String(zip.readAllBytes(), StandardCharsets.UTF_8).substring(1);
                }
            }
        }
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(1 + POINTS);
        List<String> addresses = expectedAddresses(POINTS);
        for (int line = 1; line <= POINTS; line++) {
            assertThat(lines[line]).startsWith(line + ",").contains("," + addresses.get(line - 1) + ",");
        }
    }

    @Test
    void theJsonKeepsTheTenFirstAndSaysHowManyThereAre() {
        PeriodStatisticsDto october = http.get()
                .uri("/api/v1/stats/monthly?month=2026-10")
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(PeriodStatisticsDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(october.getSummaryText()).contains("trong đó có 16 điểm tái phạm");
        assertThat(october.getRepeatPoints().getActive()).isEqualTo(POINTS);
        assertThat(october.getRepeatPoints().getTop())
                .extracting(RepeatPointDto::getAddress)
                .containsExactlyElementsOf(expectedAddresses(10));
    }

    private byte[] download(String format) {
        return http.get()
                .uri("/api/v1/stats/monthly/2026-10/export?format=" + format)
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
    }

    private static Object summaryValue(XSSFSheet sheet, String name) {
        for (Row row : sheet) {
            if (row.getCell(0).getStringCellValue().equals(name)) {
                return row.getCell(1).getNumericCellValue();
            }
        }
        return null;
    }

    /** The addresses of the points with the most violations first. */
    private static List<String> expectedAddresses(int count) {
        List<String> addresses = new ArrayList<>();
        for (int point = POINTS; point > POINTS - count; point--) {
            addresses.add(address(point));
        }
        return addresses;
    }

    private static String address(int point) {
        return "Số " + point + " phố Tái phạm";
    }

    private void insert(
            UUID ward,
            UUID reporter,
            UUID location,
            double lat,
            String observed,
            String status,
            boolean repeat,
            int point) {
        var observedAt = java.time.OffsetDateTime.parse(observed).toInstant();
        var insert = database.sql("""
                        INSERT INTO report (id, ward_id, reference, reporter_id, client_report_id, payload_sha256,
                                            category, address_text, lat, lon, observed_at, observed_offset_seconds,
                                            received_at, status, flags, resolved_at, violation_location_id)
                        VALUES (gen_random_uuid(), :ward, :reference, :reporter, gen_random_uuid(), 'seed',
                                'SIDEWALK_ENCROACHMENT', :address, :lat, 105.8850, :observed, 25200, :received,
                                :status, :flags, :resolved, :location)
                        """)
                .bind("ward", ward)
                .bind("reference", "RP-" + UUID.randomUUID())
                .bind("reporter", reporter)
                .bind("address", address(point))
                .bind("lat", lat)
                .bind("observed", observedAt)
                .bind("received", observedAt.plusSeconds(300))
                .bind("status", status)
                .bind("flags", repeat ? new String[] {"REPEAT_OFFENCE"} : new String[0])
                .bind("location", location);
        (status.equals("RESOLVED")
                        ? insert.bind("resolved", observedAt.plusSeconds(3600))
                        : insert.bindNull("resolved", java.time.Instant.class))
                .then()
                .block();
    }
}
