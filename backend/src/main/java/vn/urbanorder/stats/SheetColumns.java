package vn.urbanorder.stats;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The widths of a sheet's columns, measured from their text in the workbook's font (Times New
 * Roman, measured as its metric twin Liberation Serif) so that labels print whole: every column is
 * as wide as its header and its longest cell, up to {@link #MAX_TEXT_PX}; longer text wraps within
 * that width, on rows made tall enough for its lines. Widths are in pixels at 96 dpi, as Excel
 * and LibreOffice lay a sheet out at 100 %.
 */
final class SheetColumns {

    /** The workbook's font size, in points. */
    static final double FONT_POINTS = 12;

    /** The height of a line of text at that size, in points (Excel's row height for it). */
    static final double LINE_POINTS = 15.75;

    /** The widest a column grows for its text; longer text wraps. */
    static final double MAX_TEXT_PX = 360;

    /** What Excel adds to a column beyond its text (5 px), and a little more for other programs. */
    static final double PADDING_PX = 10;

    /** Excel's unit of column width: the widest digit of the default font, in pixels. */
    static final double DIGIT_PX = Math.round(digitWidth());

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final double[] px;

    SheetColumns(int columns) {
        px = new double[columns];
    }

    /** Widens a column for a header (bold) or a cell (regular), up to the wrapping width for text. */
    void fit(int column, @Nullable Object value, boolean bold) {
        if (value == null || column >= px.length) {
            return;
        }
        double width = textPx(shown(value), bold) + PADDING_PX;
        px[column] = Math.max(px[column], bold ? width : Math.min(width, MAX_TEXT_PX));
    }

    void fitHeaders(List<String> headers) {
        for (int column = 0; column < headers.size(); column++) {
            fit(column, headers.get(column), true);
        }
    }

    void fitRow(List<Object> cells) {
        for (int column = 0; column < cells.size(); column++) {
            fit(column, cells.get(column), false);
        }
    }

    /**
     * Gives the room a page has left to the columns whose text wraps, so that it wraps on fewer
     * lines: a sheet narrower than the page's printable width still fits it.
     */
    void fillPage(boolean[] wrapping) {
        // Less a few pixels: rounded up to whole units, the widths must still fit the same page.
        double spare = PageLayout.printableWidthPx(totalPx()) - totalPx() - 2 * DIGIT_PX;
        long wrapped = 0;
        for (boolean wraps : wrapping) {
            wrapped += wraps ? 1 : 0;
        }
        if (spare <= 0 || wrapped == 0) {
            return;
        }
        for (int column = 0; column < px.length; column++) {
            if (wrapping[column]) {
                px[column] += spare / wrapped;
            }
        }
    }

    /** Which columns have a text cell longer than they are wide. */
    boolean[] wrapping(List<List<Object>> rows) {
        boolean[] wraps = new boolean[px.length];
        for (List<Object> row : rows) {
            for (int column = 0; column < row.size() && column < px.length; column++) {
                if (row.get(column) instanceof String text && !fits(column, text)) {
                    wraps[column] = true;
                }
            }
        }
        return wraps;
    }

    boolean fits(int column, String text) {
        return textPx(text, false) + PADDING_PX <= px[column];
    }

    /** The lines a text takes in a column, words wrapped as the spreadsheet wraps them. */
    int lines(int column, String text) {
        return lines(text, px[column] - PADDING_PX, false);
    }

    /** Excel's column width for a column: 1/256 of the widest digit's width. */
    int widthUnits(int column) {
        return (int) Math.ceil(Math.max(px[column], DIGIT_PX * 8) / DIGIT_PX * 256);
    }

    double totalPx() {
        double total = 0;
        for (int column = 0; column < px.length; column++) {
            total += widthUnits(column) / 256.0 * DIGIT_PX;
        }
        return total;
    }

    int size() {
        return px.length;
    }

    /** The text as the cell shows it, in the number and date formats the workbook gives it. */
    static String shown(Object value) {
        if (value instanceof Long number) {
            return String.format(Locale.ROOT, "%,d", number);
        }
        if (value instanceof Double number) {
            return String.format(Locale.ROOT, "%,.1f", number);
        }
        if (value instanceof Coordinate point) {
            return String.format(Locale.ROOT, "%.6f", point.degrees());
        }
        if (value instanceof LocalDateTime time) {
            return MINUTE.format(time);
        }
        if (value instanceof LocalDate day) {
            return DAY.format(day);
        }
        return value.toString();
    }

    static double textPx(String text, boolean bold) {
        return SerifFont.of(bold, false).width(text, FONT_POINTS) * 96 / 72;
    }

    /** Greedy word wrapping: as many words on a line as fit, a word longer than a line alone. */
    static int lines(String text, double widthPx, boolean bold) {
        List<String> words = new ArrayList<>(Arrays.asList(text.trim().split("\\s+")));
        int lines = 1;
        var line = new StringBuilder();
        for (String word : words) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && textPx(candidate, bold) > widthPx) {
                lines++;
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        return lines;
    }

    private static double digitWidth() {
        double widest = 0;
        for (char digit = '0'; digit <= '9'; digit++) {
            widest = Math.max(widest, textPx(String.valueOf(digit), false));
        }
        return widest;
    }
}
