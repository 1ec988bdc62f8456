package vn.urbanorder.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

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
}
