package vn.urbanorder.stats;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip of CSV files, one per section and one listing the reports: RFC 4180 (comma, CRLF, quotes
 * where needed), UTF-8 with a byte-order mark so Excel reads Vietnamese right. Decimals use a
 * point and times read {@code 2026-10-31 23:30:00}, both of which Excel and scripts understand.
 */
final class CsvZipWriter implements ExportWriter {

    static final String REPORT_FILE = "danh-sach-phan-anh.csv";

    private static final String BOM = "\uFEFF";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZipOutputStream zip;
    private final Writer out;

    CsvZipWriter(Path target) throws IOException {
        this.zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(target), 64 * 1024));
        this.out = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
    }

    @Override
    public void table(StatsTable table) throws IOException {
        entry(table.file() + ".csv", table.headers());
        for (List<Object> row : table.rows()) {
            line(row);
        }
    }

    @Override
    public void startReports(List<String> headers) throws IOException {
        entry(REPORT_FILE, headers);
    }

    @Override
    public void report(List<Object> cells) throws IOException {
        line(cells);
    }

    @Override
    public void finish() throws IOException {
        out.flush();
        zip.closeEntry();
        zip.finish();
        // The file is complete on disk once finished: it may be sent before the writer is closed.
        zip.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private void entry(String name, List<String> headers) throws IOException {
        out.flush();
        zip.closeEntry(); // none before the first entry: then it does nothing
        zip.putNextEntry(new ZipEntry(name));
        out.write(BOM);
        line(headers);
    }

    private void line(List<?> cells) throws IOException {
        for (int column = 0; column < cells.size(); column++) {
            if (column > 0) {
                out.write(',');
            }
            out.write(field(cells.get(column)));
        }
        out.write("\r\n");
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double number) {
            return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Coordinate point) {
            return BigDecimal.valueOf(point.degrees()).toPlainString();
        }
        if (value instanceof LocalDateTime time) {
            return TIME.format(time);
        }
        if (value instanceof LocalDate || value instanceof Long) {
            return value.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text; // so a spreadsheet never runs text typed by a user as a formula
        }
        if (text.contains(",")
                || text.contains("\"")
                || text.contains("\n")
                || text.contains("\r")
                || !text.equals(text.strip())) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
