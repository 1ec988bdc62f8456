package vn.urbanorder.stats;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Liberation Serif, from the build's {@code openpdf-fonts-extra} jar: metric-compatible with Times
 * New Roman (the font Nghị định 30/2020/NĐ-CP asks for, and the one the files name), so a text
 * measured with it takes the same room in Word, Excel or LibreOffice, and it has every Vietnamese
 * letter. The PDF embeds it; the workbook's column widths and the DOCX's rules are measured with
 * it. Loaded once, off the event loop (the first writer to need it).
 */
enum SerifFont {
    REGULAR("LiberationSerif-Regular.ttf"),
    BOLD("LiberationSerif-Bold.ttf"),
    ITALIC("LiberationSerif-Italic.ttf"),
    BOLD_ITALIC("LiberationSerif-BoldItalic.ttf");

    /** The font the files name; Word and Excel have it, LibreOffice shows Liberation Serif for it. */
    static final String NAME = "Times New Roman";

    private static final FontRenderContext FRACTIONAL = new FontRenderContext(null, true, true);

    private final String file;

    SerifFont(String file) {
        this.file = file;
    }

    static SerifFont of(boolean bold, boolean italic) {
        if (bold) {
            return italic ? BOLD_ITALIC : BOLD;
        }
        return italic ? ITALIC : REGULAR;
    }

    /** The TrueType file; the caller closes it. */
    InputStream open() {
        return Objects.requireNonNull(
                SerifFont.class.getClassLoader().getResourceAsStream("liberation/" + file),
                "liberation/" + file + " (com.github.librepdf:openpdf-fonts-extra) is on the class path");
    }

    /** The width of {@code text} set at {@code points}, in points. */
    double width(String text, double points) {
        return Objects.requireNonNull(Loaded.FONTS.get(this))
                        .getStringBounds(text, FRACTIONAL)
                        .getWidth()
                * points
                / Loaded.SIZE;
    }

    /** Fonts made once, when first measured with. */
    private static final class Loaded {

        /** The size the fonts are measured at; widths scale linearly. */
        static final float SIZE = 100f;

        static final Map<SerifFont, Font> FONTS = load();

        private static Map<SerifFont, Font> load() {
            Map<SerifFont, Font> fonts = new EnumMap<>(SerifFont.class);
            for (SerifFont font : values()) {
                try (InputStream in = font.open()) {
                    fonts.put(font, Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(SIZE));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (FontFormatException e) {
                    throw new IllegalStateException("Unreadable font " + font.file, e);
                }
            }
            return fonts;
        }
    }
}
