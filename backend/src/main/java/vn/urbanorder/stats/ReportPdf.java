package vn.urbanorder.stats;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;
import vn.urbanorder.stats.ReportDocument.Block;
import vn.urbanorder.stats.ReportDocument.Heading;
import vn.urbanorder.stats.ReportDocument.Paragraph;
import vn.urbanorder.stats.ReportDocument.Table;

/**
 * The month's report as a PDF (Apache PDFBox), laid out here from the same {@link ReportDocument}
 * as the DOCX and with the same measures ({@link ReportLayout}): A4, the margins of Nghị định 30,
 * Liberation Serif (Times New Roman's metric twin, with every Vietnamese letter) embedded, the
 * page number centred in the top margin from the second page on. Text is wrapped by words within
 * the margins and paragraphs are justified; a table breaks between rows and repeats its header.
 */
final class ReportPdf {

    private static final float POINTS_PER_MM = 72 / 25.4f;
    private static final float PAGE_WIDTH = PDRectangle.A4.getWidth();
    private static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();
    private static final float LEFT = mm(ReportLayout.LEFT_MM);
    private static final float RIGHT = PAGE_WIDTH - mm(ReportLayout.RIGHT_MM);
    private static final float TOP = PAGE_HEIGHT - mm(ReportLayout.TOP_MM);
    private static final float BOTTOM = mm(ReportLayout.BOTTOM_MM);
    private static final float WIDTH = RIGHT - LEFT;
    /** A line's height: the font's own line (1.15 em for Times New Roman) times the spacing. */
    private static final float LEADING = 1.15f;
    /** Room between a table cell's border and its text. */
    private static final float CELL_PADDING = mm(1.5);

    private final PDDocument doc = new PDDocument();
    private final Map<SerifFont, PDType0Font> fonts = new EnumMap<>(SerifFont.class);
    private @Nullable PDPageContentStream page;
    private int pages;
    /** The top of the room left on the page. */
    private float y;

    private ReportPdf() throws IOException {
        for (SerifFont font : SerifFont.values()) {
            try (InputStream in = font.open()) {
                fonts.put(font, PDType0Font.load(doc, in, true));
            }
        }
    }

    static void write(ReportDocument report, OutputStream out) throws IOException {
        var writer = new ReportPdf();
        try {
            writer.newPage();
            writer.heading(report);
            writer.title(report);
            List<Block> body = report.body();
            for (int i = 0; i < body.size(); i++) {
                if (i == body.size() - 1 && body.get(i) instanceof Paragraph last) {
                    // The closing paragraph goes with the signature: no page is signed alone.
                    writer.room(writer.paragraphHeight(last.text()) + writer.signatureHeight(report));
                }
                writer.block(body.get(i));
            }
            writer.signature(report);
            writer.finish(report, out);
        } finally {
            writer.doc.close();
        }
    }

    private void finish(ReportDocument report, OutputStream out) throws IOException {
        stream().close();
        var info = doc.getDocumentInformation();
        info.setTitle(report.kind() + " " + report.subject());
        info.setAuthor(String.join(" ", report.issuingBody()));
        doc.getDocumentCatalog().setLanguage("vi-VN");
        doc.save(out);
    }

    private void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        var next = new PDPage(PDRectangle.A4);
        doc.addPage(next);
        page = new PDPageContentStream(doc, next);
        pages++;
        y = TOP;
        if (pages > 1) {
            String number = String.valueOf(pages);
            float size = (float) ReportLayout.BODY_POINTS;
            text(
                    number,
                    SerifFont.REGULAR,
                    size,
                    (LEFT + RIGHT - width(number, SerifFont.REGULAR, size)) / 2,
                    PAGE_HEIGHT - mm(12));
        }
    }

    private PDPageContentStream stream() {
        return Objects.requireNonNull(page, "a page is open");
    }

    /** Starts a new page unless {@code height} more fits on this one. */
    private void room(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    // The document's parts.

    private void heading(ReportDocument report) throws IOException {
        float split = LEFT + WIDTH * (float) ReportLayout.HEADER_SPLIT;
        float left = y;
        for (String line : report.issuingBody()) {
            left = centred(line, SerifFont.BOLD, ReportLayout.BODY_NAME_POINTS, LEFT, split, left);
        }
        left = rule(
                LEFT,
                split,
                ReportLayout.issuerRuleMm(
                        report.issuingBody().get(report.issuingBody().size() - 1)),
                left);
        left = centred(report.number(), SerifFont.REGULAR, ReportLayout.BODY_POINTS, LEFT, split, left);
        float right = y;
        right = centred(
                ReportDocument.NATIONAL_TITLE, SerifFont.BOLD, ReportLayout.NATIONAL_TITLE_POINTS, split, RIGHT, right);
        right = centred(ReportDocument.MOTTO, SerifFont.BOLD, ReportLayout.MOTTO_POINTS, split, RIGHT, right);
        right = rule(split, RIGHT, ReportLayout.mottoRuleMm(), right);
        right = centred(report.placeAndDate(), SerifFont.ITALIC, ReportLayout.BODY_POINTS, split, RIGHT, right - mm(2));
        y = Math.min(left, right);
    }

    private void title(ReportDocument report) throws IOException {
        y -= mm(8);
        y = centred(report.kind(), SerifFont.BOLD, ReportLayout.TITLE_POINTS, LEFT, RIGHT, y);
        for (String line : lines(report.subject(), SerifFont.BOLD, ReportLayout.TITLE_POINTS, WIDTH, WIDTH)) {
            y = centred(line, SerifFont.BOLD, ReportLayout.TITLE_POINTS, LEFT, RIGHT, y);
        }
        y = rule(LEFT, RIGHT, ReportLayout.subjectRuleMm(), y);
        y -= mm(4);
    }

    private void block(Block block) throws IOException {
        if (block instanceof Heading heading) {
            y -= mm(1.5);
            room(3 * lineHeight(ReportLayout.BODY_POINTS)); // with two lines of what follows
            paragraph(heading.text(), SerifFont.BOLD);
        } else if (block instanceof Paragraph paragraph) {
            paragraph(paragraph.text(), SerifFont.REGULAR);
        } else if (block instanceof Table table) {
            table(table);
        }
    }

    /** Justified, the first line indented; the last line ragged. Then 6 pt of space. */
    private void paragraph(String text, SerifFont font) throws IOException {
        float size = (float) ReportLayout.BODY_POINTS;
        float indent = mm(ReportLayout.FIRST_LINE_INDENT_MM);
        List<String> lines = lines(text, font, size, WIDTH - indent, WIDTH);
        float height = (float) (lineHeight(size) * ReportLayout.LINE_SPACING);
        for (int i = 0; i < lines.size(); i++) {
            room(height);
            float x = i == 0 ? LEFT + indent : LEFT;
            float baseline = y - ascent(size) - (height - lineHeight(size)) / 2;
            if (i == lines.size() - 1) {
                text(lines.get(i), font, size, x, baseline);
            } else {
                justified(lines.get(i), font, size, x, RIGHT - x, baseline);
            }
            y -= height;
        }
        y -= 6;
    }

    private float paragraphHeight(String text) throws IOException {
        float size = (float) ReportLayout.BODY_POINTS;
        float indent = mm(ReportLayout.FIRST_LINE_INDENT_MM);
        int lines = lines(text, SerifFont.REGULAR, size, WIDTH - indent, WIDTH).size();
        return (float) (lines * lineHeight(size) * ReportLayout.LINE_SPACING) + 6;
    }

    private void table(Table table) throws IOException {
        float size = (float) ReportLayout.TABLE_POINTS;
        float total = table.widths().stream().mapToInt(Integer::intValue).sum();
        float[] widths = new float[table.widths().size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = WIDTH * table.widths().get(i) / total;
        }
        float captionHeight = lineHeight(size) + mm(1.5);
        float headerHeight = rowHeight(table.headers(), widths, SerifFont.BOLD, size);
        float firstRow = table.rows().isEmpty() ? 0 : rowHeight(table.rows().get(0), widths, SerifFont.REGULAR, size);
        y -= mm(1.5);
        room(captionHeight + headerHeight + firstRow);
        y = centred(table.caption(), SerifFont.BOLD, size, LEFT, RIGHT, y) - mm(1.5);
        row(table.headers(), widths, SerifFont.BOLD, size, 0);
        for (int i = 0; i < table.rows().size(); i++) {
            List<String> cells = table.rows().get(i);
            SerifFont font = table.total() && i == table.rows().size() - 1 ? SerifFont.BOLD : SerifFont.REGULAR;
            if (y - rowHeight(cells, widths, font, size) < BOTTOM) {
                newPage();
                row(table.headers(), widths, SerifFont.BOLD, size, 0);
            }
            row(cells, widths, font, size, table.textColumns());
        }
        y -= mm(3);
    }

    private float rowHeight(List<String> cells, float[] widths, SerifFont font, float size) throws IOException {
        int most = 1;
        for (int column = 0; column < cells.size(); column++) {
            float inner = widths[column] - 2 * CELL_PADDING;
            most = Math.max(
                    most, lines(cells.get(column), font, size, inner, inner).size());
        }
        return most * lineHeight(size) + 2 * CELL_PADDING;
    }

    /** A row of cells with borders; text columns left, figures (and the number) centred. */
    private void row(List<String> cells, float[] widths, SerifFont font, float size, int textColumns)
            throws IOException {
        float height = rowHeight(cells, widths, font, size);
        float x = LEFT;
        for (int column = 0; column < cells.size(); column++) {
            float inner = widths[column] - 2 * CELL_PADDING;
            boolean left = column < textColumns && (column > 0 || textColumns == 1);
            float baseline = y - CELL_PADDING - ascent(size);
            for (String line : lines(cells.get(column), font, size, inner, inner)) {
                float lineX = left ? x + CELL_PADDING : x + (widths[column] - width(line, font, size)) / 2;
                text(line, font, size, lineX, baseline);
                baseline -= lineHeight(size);
            }
            x += widths[column];
        }
        PDPageContentStream out = stream();
        out.setLineWidth(0.5f);
        out.addRect(LEFT, y - height, WIDTH, height);
        x = LEFT;
        for (int column = 0; column < widths.length - 1; column++) {
            x += widths[column];
            out.moveTo(x, y);
            out.lineTo(x, y - height);
        }
        out.stroke();
        y -= height;
    }

    /** "Nơi nhận" and its list on the left; the signer's authority, title, room to sign and name on the right. */
    private float signatureHeight(ReportDocument report) {
        float listHeight = lineHeight(ReportLayout.RECIPIENTS_TITLE_POINTS)
                + report.recipients().size() * lineHeight(ReportLayout.RECIPIENTS_POINTS);
        float signHeight = 3 * lineHeight(ReportLayout.BODY_POINTS) + mm(ReportLayout.SIGNATURE_ROOM_MM);
        return Math.max(listHeight, signHeight) + mm(3);
    }

    private void signature(ReportDocument report) throws IOException {
        room(signatureHeight(report));
        y -= mm(3);
        float middle = LEFT + WIDTH / 2;
        float left = y;
        float size = (float) ReportLayout.RECIPIENTS_TITLE_POINTS;
        text(ReportDocument.RECIPIENTS, SerifFont.BOLD_ITALIC, size, LEFT, left - ascent(size));
        left -= lineHeight(size);
        size = (float) ReportLayout.RECIPIENTS_POINTS;
        for (String recipient : report.recipients()) {
            for (String line :
                    lines(recipient, SerifFont.REGULAR, size, middle - LEFT - mm(2), middle - LEFT - mm(2))) {
                text(line, SerifFont.REGULAR, size, LEFT, left - ascent(size));
                left -= lineHeight(size);
            }
        }
        var signature = report.signature();
        float right = y;
        right = centred(signature.authority(), SerifFont.BOLD, ReportLayout.BODY_POINTS, middle, RIGHT, right);
        right = centred(signature.title(), SerifFont.BOLD, ReportLayout.BODY_POINTS, middle, RIGHT, right);
        right -= mm(ReportLayout.SIGNATURE_ROOM_MM);
        if (!signature.name().isEmpty()) {
            right = centred(signature.name(), SerifFont.BOLD, ReportLayout.BODY_POINTS, middle, RIGHT, right);
        }
        y = Math.min(left, right);
    }

    // Drawing.

    /** A line centred between {@code from} and {@code to}, its top at {@code top}; the top of what follows. */
    private float centred(String text, SerifFont font, double points, float from, float to, float top)
            throws IOException {
        float size = (float) points;
        text(text, font, size, from + (to - from - width(text, font, size)) / 2, top - ascent(size));
        return top - lineHeight(size);
    }

    /** A rule {@code mm} long centred between {@code from} and {@code to}, just under {@code top}. */
    private float rule(float from, float to, double mm, float top) throws IOException {
        float length = mm((float) mm);
        float start = from + (to - from - length) / 2;
        float at = top - 4f;
        PDPageContentStream out = stream();
        out.setLineWidth(0.6f);
        out.moveTo(start, at);
        out.lineTo(start + length, at);
        out.stroke();
        return at - 2.5f;
    }

    private void text(String text, SerifFont font, float size, float x, float baseline) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        PDPageContentStream out = stream();
        out.beginText();
        out.setFont(font(font), size);
        out.newLineAtOffset(x, baseline);
        out.showText(text);
        out.endText();
    }

    /** A line set word by word so that it fills {@code width} exactly. */
    private void justified(String line, SerifFont font, float size, float x, float width, float baseline)
            throws IOException {
        String[] words = line.split(" ");
        if (words.length < 2) {
            text(line, font, size, x, baseline);
            return;
        }
        float used = 0;
        for (String word : words) {
            used += width(word, font, size);
        }
        float gap = (width - used) / (words.length - 1);
        float at = x;
        for (String word : words) {
            text(word, font, size, at, baseline);
            at += width(word, font, size) + gap;
        }
    }

    /** Words wrapped into lines, the first {@code first} wide and the rest {@code rest}; a word too long for a line is cut. */
    private List<String> lines(String text, SerifFont font, double points, float first, float rest) throws IOException {
        float size = (float) points;
        List<String> lines = new ArrayList<>();
        var line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            float limit = lines.isEmpty() ? first : rest;
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, font, size) <= limit) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
                limit = rest;
            }
            String rest1 = word;
            while (width(rest1, font, size) > limit && rest1.length() > 1) {
                int cut = rest1.length() - 1;
                while (cut > 1 && width(rest1.substring(0, cut), font, size) > limit) {
                    cut--;
                }
                lines.add(rest1.substring(0, cut));
                rest1 = rest1.substring(cut);
                limit = rest;
            }
            line.append(rest1);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private float width(String text, SerifFont font, float size) throws IOException {
        return font(font).getStringWidth(text) / 1000 * size;
    }

    private PDType0Font font(SerifFont font) {
        return Objects.requireNonNull(fonts.get(font));
    }

    private static float lineHeight(double size) {
        return (float) size * LEADING;
    }

    /** How far a line's text reaches above its baseline (Times New Roman's ascent, 0.891 em). */
    private static float ascent(float size) {
        return size * 0.891f;
    }

    private static float mm(double mm) {
        return (float) mm * POINTS_PER_MM;
    }
}
