package vn.urbanorder.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvZipWriterTests {

    @Test
    void fieldsAreQuotedWhereNeededAndNeverReadAsFormulas() {
        assertThat(CsvZipWriter.field(null)).isEmpty();
        assertThat(CsvZipWriter.field(12L)).isEqualTo("12");
        assertThat(CsvZipWriter.field(87.8)).isEqualTo("87.8");
        assertThat(CsvZipWriter.field(100.0)).isEqualTo("100");
        assertThat(CsvZipWriter.field(LocalDate.of(2026, 10, 31))).isEqualTo("2026-10-31");
        assertThat(CsvZipWriter.field(LocalDateTime.of(2026, 10, 31, 23, 30))).isEqualTo("2026-10-31 23:30:00");
        assertThat(CsvZipWriter.field("Số 5, ngõ 12")).isEqualTo("\"Số 5, ngõ 12\"");
        assertThat(CsvZipWriter.field("nói \"xin chào\"")).isEqualTo("\"nói \"\"xin chào\"\"\"");
        assertThat(CsvZipWriter.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvZipWriter.field("@cmd")).isEqualTo("'@cmd");
        assertThat(CsvZipWriter.field("dòng 1\ndòng 2")).isEqualTo("\"dòng 1\ndòng 2\"");
    }

    @Test
    void aFinishedFileIsWholeOnDiskBeforeTheWriterIsClosed(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("export.zip");
        var writer = new CsvZipWriter(file);
        writer.startReports(List.of("Số phản ánh"));
        writer.report(List.of("GT-2026-000001"));
        writer.finish();

        // The export hands the file to the response once finished; closing comes later.
        try (var zip = new ZipFile(file.toFile())) {
            var reports = zip.getEntry(CsvZipWriter.REPORT_FILE);
            assertThat(new String(zip.getInputStream(reports).readAllBytes(), StandardCharsets.UTF_8))
                    .contains("GT-2026-000001");
        }
        writer.close();
    }
}
