package vn.urbanorder.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.ComparedFigureDto;
import vn.urbanorder.api.model.PeriodStatisticsDto;
import vn.urbanorder.api.model.ReportCountsDto;
import vn.urbanorder.api.model.UnitFiguresDto;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;

/**
 * October 2026 of {@link OctoberSeed}'s ward as the report to sign and stamp: the DOCX and the PDF
 * carry the JSON's figures, in Nghị định 30's format, and the PDF keeps every line within its
 * margins with every Vietnamese letter in its embedded font.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsReportDocumentIntegrationTests {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final float POINTS_PER_MM = 72 / 25.4f;
    /** Where the files and the rendered page go, for a look. */
    private static final Path LOOK = Path.of("target", "stats-print");

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DatabaseClient database;

    OctoberSeed seed;
    String admin;
    PeriodStatisticsDto json;

    @BeforeAll
    void seed() {
        seed = new OctoberSeed(database, fixtures);
        admin = fixtures.bearer(seed.admin);
        json = get(admin, "/api/v1/stats/monthly?month=2026-10")
                .expectStatus()
                .isOk()
                .expectBody(PeriodStatisticsDto.class)
                .returnResult()
                .getResponseBody();
    }

    @Test
    void theDocxIsTheReportInTheStatesFormatWithTheJsonsFigures() throws IOException {
        byte[] body = download("docx", DOCX);
        save("bao-cao-2026-10.docx", body);
        try (var doc = new XWPFDocument(new ByteArrayInputStream(body))) {
            String text;
            try (var extractor = new XWPFWordExtractor(doc)) {
                text = oneLine(extractor.getText());
            }
            assertFormat(text);
            var section = doc.getDocument().getBody().getSectPr();
            assertThat(section.getPgSz().getW()).isEqualTo(java.math.BigInteger.valueOf(11906)); // A4: 210 mm
            assertThat(section.getPgSz().getH()).isEqualTo(java.math.BigInteger.valueOf(16838)); // 297 mm
            assertThat(section.getPgMar().getLeft()).isEqualTo(java.math.BigInteger.valueOf(1701)); // 30 mm
            assertThat(section.getPgMar().getRight()).isEqualTo(java.math.BigInteger.valueOf(850)); // 15 mm
            assertThat(doc.getParagraphs().stream()
                            .flatMap(paragraph -> paragraph.getRuns().stream())
                            .filter(run -> !run.text().isBlank())
                            .map(run -> run.getFontFamily())
                            .distinct())
                    .containsExactly("Times New Roman");

            List<List<String>> tables = new ArrayList<>();
            for (XWPFTable table : doc.getTables()) {
                for (XWPFTableRow row : table.getRows()) {
                    tables.add(row.getTableCells().stream()
                            .map(cell -> oneLine(cell.getText()))
                            .toList());
                }
            }
            assertTablesCarryTheFigures(tables);
        }
    }

    @Test
    void thePdfCarriesTheSameFiguresWithinItsMarginsAndEveryLetterInItsEmbeddedFont() throws IOException {
        byte[] body = download("pdf", "application/pdf");
        save("bao-cao-2026-10.pdf", body);
        try (PDDocument pdf = Loader.loadPDF(body)) {
            assertThat(pdf.getNumberOfPages()).isBetween(2, 4);
            var placed = new PlacedText();
            placed.setSortByPosition(true);
            String text = oneLine(placed.getText(pdf));
            assertFormat(text);
            for (var page : pdf.getPages()) {
                assertThat(page.getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
                assertThat(page.getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight());
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font).isInstanceOf(PDType0Font.class);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(font.getName()).contains("LiberationSerif");
                }
            }
            // Every glyph is a real one (no .notdef, glyph 0), and lies within the margins:
            // 30 mm left, 15 mm right, 20 mm top and bottom; only the page number sits in the top
            // margin, centred.
            assertThat(placed.positions).isNotEmpty();
            float width = PDRectangle.A4.getWidth();
            float height = PDRectangle.A4.getHeight();
            for (Placed glyph : placed.positions) {
                assertThat(glyph.code)
                        .as("glyph of %s on page %d", glyph.text, glyph.page)
                        .isNotZero();
                assertThat(glyph.x).as(glyph.toString()).isGreaterThanOrEqualTo(30 * POINTS_PER_MM - 0.5f);
                assertThat(glyph.x + glyph.width)
                        .as(glyph.toString())
                        .isLessThanOrEqualTo(width - 15 * POINTS_PER_MM + 0.5f);
                assertThat(glyph.bottom).as(glyph.toString()).isLessThanOrEqualTo(height - 20 * POINTS_PER_MM);
                if (glyph.top < 20 * POINTS_PER_MM) {
                    assertThat(glyph.text)
                            .as("only the page number in the top margin")
                            .matches("[0-9]");
                    assertThat(glyph.page).isGreaterThan(1);
                }
            }
            // Nothing missing: every letter of the document's Vietnamese text was drawn and reads back.
            assertThat(text.replace(" ¶ ", " ")).contains(oneLine(json.getSummaryText()));
            assertTablesCarryTheFigures(rows(text));

            // A look at the first page, as a person would see it printed.
            Files.createDirectories(LOOK);
            var renderer = new PDFRenderer(pdf);
            for (int page = 0; page < pdf.getNumberOfPages(); page++) {
                ImageIO.write(
                        renderer.renderImageWithDPI(page, 110),
                        "png",
                        LOOK.resolve("bao-cao-trang-" + (page + 1) + ".png").toFile());
            }
        }
    }

    @Test
    void onlyWardAdminsAndInspectorsGetTheReportAndABadFormatIsRefused() {
        get(fixtures.bearer(seed.inspector), "/api/v1/stats/monthly/2026-10/export?format=pdf")
                .expectStatus()
                .isOk();
        for (String caller : List.of(seed.patrol1, seed.unitStaff)) {
            for (String format : List.of("docx", "pdf")) {
                get(fixtures.bearer(caller), "/api/v1/stats/monthly/2026-10/export?format=" + format)
                        .expectStatus()
                        .isForbidden();
            }
        }
        http.get()
                .uri("/api/v1/stats/monthly/2026-10/export?format=pdf")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        get(admin, "/api/v1/stats/monthly/2026-10/export?format=odt")
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType("application/problem+json");
        get(admin, "/api/v1/stats/monthly/2026-13/export?format=docx")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("month");
    }

    @Test
    void aQuartersReportNamesTheQuarter() throws IOException {
        byte[] body = get(admin, "/api/v1/stats/export?from=2026-10-01&to=2026-12-31&format=docx")
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Content-Disposition", "attachment; filename=\"bao-cao-" + wardCode() + "-2026-Q4.docx\"")
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        try (var doc = new XWPFDocument(new ByteArrayInputStream(body));
                var extractor = new XWPFWordExtractor(doc)) {
            assertThat(oneLine(extractor.getText()))
                    .contains("Kết quả tiếp nhận, xử lý phản ánh vi phạm trật tự đô thị quý IV/2026");
        }
    }

    /**
     * The parts Nghị định 30 asks for: the heading's and the signature block's (side by side, so
     * read in any order), and the body's in their order.
     */
    private void assertFormat(String lines) {
        String text = lines.replace(" ¶ ", " ");
        String ward = ward().toUpperCase(Locale.ROOT);
        assertThat(text)
                .contains(
                        "ỦY BAN NHÂN DÂN",
                        ward,
                        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                        "Độc lập - Tự do - Hạnh phúc",
                        "/BC-UBND",
                        "Nơi nhận:",
                        "- Lưu: VT.",
                        "TM. ỦY BAN NHÂN DÂN",
                        "CHỦ TỊCH")
                .containsPattern("Số: +/BC-UBND")
                .containsPattern(", ngày \\d{2} tháng (0[12]|[1-9]|1[0-2]) năm \\d{4}")
                .containsSubsequence(
                        "BÁO CÁO",
                        "Kết quả tiếp nhận, xử lý phản ánh vi phạm trật tự đô thị tháng 10/2026",
                        "I. KẾT QUẢ TIẾP NHẬN, XỬ LÝ PHẢN ÁNH",
                        "đã tiếp nhận 10 phản ánh, trong đó 1 phản ánh trùng lặp, 2 phản ánh không xử lý"
                                + " (1 không phải vi phạm, 1 ngoài địa bàn phường); xác định 7 vụ vi phạm trật tự"
                                + " đô thị (so với tháng 9/2026 tăng 4 vụ)",
                        "Đã xử lý xong 5/7 vụ (71,4%), trong đó 3 vụ đúng hạn (60,0%), 2 vụ trễ hạn",
                        "II. ĐÁNH GIÁ CHUNG",
                        oneLine(json.getSummaryText()),
                        "Nơi nhận:");
        assertThat(text.indexOf("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).isLessThan(text.indexOf("BÁO CÁO"));
    }

    /** Each table's rows, read back as cells, hold the JSON's figures. */
    private void assertTablesCarryTheFigures(List<List<String>> rows) {
        for (ComparedFigureDto figure : json.getComparison().getFigures()) {
            boolean share = figure.getFigure().getValue().endsWith("_PERCENT");
            assertThat(rows).as(figure.getName()).anySatisfy(row -> assertThat(row)
                    .startsWith(
                            figure.getName(), shown(figure.getCurrent(), share), shown(figure.getPrevious(), share)));
        }
        ReportCountsDto totals = json.getTotals().getCounts();
        assertRow(
                rows,
                "Cộng",
                count(totals.getReceived()),
                count(totals.getViolations()),
                count(totals.getResolved()),
                count(totals.getResolvedOnTime()),
                percent(totals.getResolvedPercent()));
        for (var category : json.getByCategory()) {
            ReportCountsDto counts = category.getCounts();
            assertRow(
                    rows,
                    category.getName(),
                    count(counts.getReceived()),
                    count(counts.getViolations()),
                    count(counts.getResolved()),
                    count(counts.getResolvedOnTime()),
                    percent(counts.getResolvedPercent()));
        }
        for (UnitFiguresDto unit : json.getByUnit()) {
            if (unit.getUnitId() == null) {
                continue;
            }
            assertRow(
                    rows,
                    unit.getName(),
                    count(unit.getAssigned()),
                    count(unit.getResolved()),
                    count(unit.getResolvedOnTime()),
                    count(unit.getOpenAtEnd()),
                    count(unit.getOverdueAtEnd()));
        }
    }

    /**
     * A row ending with a name and its figures; in the PDF's text a name too long for its cell
     * shows its first line there (the rest follows on the next line).
     */
    private static void assertRow(List<List<String>> rows, String name, String... figures) {
        assertThat(rows).as("%s %s", name, List.of(figures)).anySatisfy(row -> {
            assertThat(row.size()).isGreaterThan(figures.length);
            String shownName = row.get(row.size() - figures.length - 1);
            assertThat(shownName).isNotBlank();
            assertThat(name).startsWith(shownName);
            assertThat(row.subList(row.size() - figures.length, row.size())).containsExactly(figures);
        });
    }

    /**
     * The PDF's text as table rows, a line each: its number (STT) dropped, its name (the words
     * up to the first figure), then its figures.
     */
    private static List<List<String>> rows(String text) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split(" ¶ ")) {
            List<String> words = new ArrayList<>(List.of(line.trim().split(" ")));
            if (words.size() > 1
                    && words.get(0).matches("[0-9]+")
                    && !words.get(1).matches(FIGURE)) {
                words.remove(0);
            }
            int first = 1;
            while (first < words.size() && !words.get(first).matches(FIGURE)) {
                first++;
            }
            List<String> cells = new ArrayList<>();
            cells.add(String.join(" ", words.subList(0, first)));
            cells.addAll(words.subList(first, words.size()));
            rows.add(cells);
        }
        return rows;
    }

    private static final String FIGURE = "[+-]?[0-9][0-9.,]*|-";

    private String shown(Double value, boolean share) {
        if (value == null) {
            return "-";
        }
        return share ? percent(value) : count(Math.round(value));
    }

    private static String count(Long value) {
        return VietnameseNumbers.count(value);
    }

    private static String count(long value) {
        return VietnameseNumbers.count(value);
    }

    private static String percent(Double value) {
        return value == null ? "-" : VietnameseNumbers.percent(value);
    }

    private static String oneLine(String text) {
        return text.replace('\u00a0', ' ')
                .replaceAll("[ \\t]+", " ")
                .replaceAll(" ?\\n ?", " ¶ ")
                .trim();
    }

    private byte[] download(String format, String type) {
        return get(admin, "/api/v1/stats/monthly/2026-10/export?format=" + format)
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(type)
                .expectHeader()
                .valueEquals(
                        "Content-Disposition",
                        "attachment; filename=\"bao-cao-" + wardCode() + "-2026-10." + format + "\"")
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
    }

    private static void save(String name, byte[] body) throws IOException {
        Files.createDirectories(LOOK);
        Files.write(LOOK.resolve(name), body);
    }

    private WebTestClient.ResponseSpec get(String bearer, String uri) {
        return http.get().uri(uri).header("Authorization", bearer).exchange();
    }

    private String wardCode() {
        return database.sql("SELECT code FROM ward WHERE id = :id")
                .bind("id", seed.ward)
                .map(row -> row.get("code", String.class))
                .one()
                .block();
    }

    private String ward() {
        return json.getWardName();
    }

    private record Placed(int page, String text, int code, float x, float width, float top, float bottom) {}

    /** Collects where every glyph was drawn (from the page's top, in points). */
    private static final class PlacedText extends PDFTextStripper {

        final List<Placed> positions = new ArrayList<>();

        PlacedText() throws IOException {}

        @Override
        protected void writeString(String text, List<TextPosition> glyphs) throws IOException {
            for (TextPosition glyph : glyphs) {
                int[] codes = glyph.getCharacterCodes();
                positions.add(new Placed(
                        getCurrentPageNo(),
                        glyph.getUnicode(),
                        codes.length == 0 ? -1 : codes[0],
                        glyph.getXDirAdj(),
                        glyph.getWidthDirAdj(),
                        glyph.getYDirAdj() - glyph.getHeightDir(),
                        glyph.getYDirAdj()));
            }
            super.writeString(text, glyphs);
        }
    }
}
