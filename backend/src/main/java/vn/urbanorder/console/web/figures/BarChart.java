package vn.urbanorder.console.web.figures;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A chart drawn on the server as a table: each row names its part, draws its bars (SVG, widths in
 * percent of the largest) and gives its numbers as text, so that a screen reader and a printer
 * read the same figures the bars show.
 *
 * @param id the element's id
 * @param outerName what the long, light bar counts; {@code innerName} the dark one inside it
 */
public record BarChart(
        String id, String title, String outerName, String innerName, List<String> headers, List<Row> rows) {

    /**
     * @param code the zone's code, where the row is a zone (the map colours it)
     * @param outer the light bar's width in percent; {@code inner} the dark bar's
     * @param value the light bar's count, for the map
     */
    public record Row(@Nullable String code, String name, double outer, double inner, long value, List<String> cells) {}

    /** Bar widths in percent of the largest value, so the longest bar fills its cell. */
    static double width(long value, long largest) {
        return largest <= 0 ? 0 : Math.round(value * 1000.0 / largest) / 10.0;
    }
}
