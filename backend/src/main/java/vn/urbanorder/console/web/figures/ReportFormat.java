package vn.urbanorder.console.web.figures;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The report files the page offers, in the order shown: the API's export formats. A format only
 * the monthly export makes (a signed báo cáo) is one more line, with {@code monthOnly} true.
 */
enum ReportFormat {
    /** The báo cáo to sign and stamp, in the state's document format (NĐ 30/2020). */
    PDF("pdf", "console.figures.format.pdf", false),
    DOCX("docx", "console.figures.format.docx", false),
    XLSX("xlsx", "console.figures.format.xlsx", false),
    CSV("csv", "console.figures.format.csv", false);

    private final String code;
    private final String labelKey;
    private final boolean monthOnly;

    ReportFormat(String code, String labelKey, boolean monthOnly) {
        this.code = code;
        this.labelKey = labelKey;
        this.monthOnly = monthOnly;
    }

    /** The API's {@code format} value, and the page's. */
    String code() {
        return code;
    }

    String labelKey() {
        return labelKey;
    }

    /** The formats there are for a period. */
    static List<ReportFormat> offeredFor(FiguresPeriod period) {
        return Arrays.stream(values())
                .filter(format -> !format.monthOnly || period.kind() == FiguresPeriod.Kind.MONTH)
                .toList();
    }

    static @Nullable ReportFormat of(@Nullable String code) {
        return Arrays.stream(values())
                .filter(format -> format.code.equals(code))
                .findFirst()
                .orElse(null);
    }
}
