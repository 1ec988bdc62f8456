package vn.urbanorder.stats;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.io.InputStream;
import java.util.Objects;

/**
 * Text widths measured as a printing program measures them: with java.awt font metrics (headless)
 * of Liberation Serif, the metric twin of Times New Roman that LibreOffice prints in its place.
 * The tests' own measure, independent of the code under test.
 */
final class PrintedText {

    private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);
    private static final Font REGULAR = load("LiberationSerif-Regular.ttf");
    private static final Font BOLD = load("LiberationSerif-Bold.ttf");

    private PrintedText() {}

    /** Width in pixels at 96 dpi of a text set at {@code points}. */
    static double px(String text, double points, boolean bold) {
        Font font = (bold ? BOLD : REGULAR).deriveFont((float) points);
        return font.getStringBounds(text, CONTEXT).getWidth() * 96 / 72;
    }

    /** Excel's unit of column width at that size: the widest digit, in whole pixels. */
    static double digitPx(double points) {
        double widest = 0;
        for (char digit = '0'; digit <= '9'; digit++) {
            widest = Math.max(widest, px(String.valueOf(digit), points, false));
        }
        return Math.round(widest);
    }

    private static Font load(String file) {
        System.setProperty("java.awt.headless", "true");
        try (InputStream in =
                Objects.requireNonNull(PrintedText.class.getClassLoader().getResourceAsStream("liberation/" + file))) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
