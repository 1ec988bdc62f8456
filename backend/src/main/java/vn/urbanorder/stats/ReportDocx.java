package vn.urbanorder.stats;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import vn.urbanorder.stats.ReportDocument.Block;
import vn.urbanorder.stats.ReportDocument.Heading;
import vn.urbanorder.stats.ReportDocument.Paragraph;
import vn.urbanorder.stats.ReportDocument.Table;

/**
 * The month's report as a Word document (Apache POI XWPF), laid out as Nghị định 30/2020/NĐ-CP
 * asks: A4, margins of 20 mm top and bottom, 30 mm left and 15 mm right, Times New Roman, the
 * page number at the top centre from the second page on.
 */
final class ReportDocx {

    /** Twentieths of a point in a millimetre. */
    private static final double TWIPS_PER_MM = 1440 / 25.4;

    private static final int TEXT_WIDTH = twips(ReportLayout.TEXT_WIDTH_MM);
    private static final int LEFT_CELL = (int) (TEXT_WIDTH * ReportLayout.HEADER_SPLIT);

    private final XWPFDocument doc = new XWPFDocument();

    private ReportDocx() {}

    static void write(ReportDocument report, OutputStream out) throws IOException {
        var writer = new ReportDocx();
        writer.page();
        writer.heading(report);
        writer.title(report);
        for (Block block : report.body()) {
            writer.block(block);
        }
        // The closing paragraph goes with the signature: no page is signed alone.
        List<XWPFParagraph> paragraphs = writer.doc.getParagraphs();
        paragraphs.get(paragraphs.size() - 1).setKeepNext(true);
        writer.signature(report);
        writer.doc.write(out);
        writer.doc.close();
    }

    private void page() {
        CTSectPr section = doc.getDocument().getBody().addNewSectPr();
        var size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(twips(ReportLayout.PAGE_WIDTH_MM)));
        size.setH(BigInteger.valueOf(twips(ReportLayout.PAGE_HEIGHT_MM)));
        var margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(twips(ReportLayout.TOP_MM)));
        margins.setBottom(BigInteger.valueOf(twips(ReportLayout.BOTTOM_MM)));
        margins.setLeft(BigInteger.valueOf(twips(ReportLayout.LEFT_MM)));
        margins.setRight(BigInteger.valueOf(twips(ReportLayout.RIGHT_MM)));
        margins.setHeader(BigInteger.valueOf(twips(10)));
        margins.setFooter(BigInteger.valueOf(twips(10)));
        section.addNewTitlePg(); // the first page has a header of its own: none
        doc.createHeader(HeaderFooterType.FIRST);
        XWPFParagraph number = doc.createHeader(HeaderFooterType.DEFAULT).createParagraph();
        number.setAlignment(ParagraphAlignment.CENTER);
        var field = number.getCTP().addNewFldSimple();
        field.setInstr("PAGE");
        var shown = field.addNewR();
        shown.addNewRPr().addNewSz().setVal(BigInteger.valueOf(Math.round(ReportLayout.BODY_POINTS * 2)));
        shown.addNewT().setStringValue("2");
        // The numbers the field shows take the document's default font, set in its styles:
        doc.createStyles().setDefaultFonts(fonts());
    }

    private static org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts fonts() {
        var fonts = org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts.Factory.newInstance();
        fonts.setAscii(SerifFont.NAME);
        fonts.setHAnsi(SerifFont.NAME);
        fonts.setCs(SerifFont.NAME);
        fonts.setEastAsia(SerifFont.NAME);
        return fonts;
    }

    /** Issuing body, number and symbol on the left; national title, motto, place and date on the right. */
    private void heading(ReportDocument report) {
        XWPFTable table = borderless(List.of(LEFT_CELL, TEXT_WIDTH - LEFT_CELL));
        XWPFTableCell left = table.getRow(0).getCell(0);
        XWPFTableCell right = table.getRow(0).getCell(1);
        XWPFParagraph first = left.getParagraphs().get(0);
        for (int i = 0; i < report.issuingBody().size(); i++) {
            XWPFParagraph line = i == 0 ? first : left.addParagraph();
            centred(line, report.issuingBody().get(i), ReportLayout.BODY_NAME_POINTS, true, false);
        }
        String lastLine = report.issuingBody().get(report.issuingBody().size() - 1);
        rule(left.addParagraph(), LEFT_CELL, ReportLayout.issuerRuleMm(lastLine));
        centred(left.addParagraph(), report.number(), ReportLayout.BODY_POINTS, false, false);

        int rightWidth = TEXT_WIDTH - LEFT_CELL;
        centred(
                right.getParagraphs().get(0),
                ReportDocument.NATIONAL_TITLE,
                ReportLayout.NATIONAL_TITLE_POINTS,
                true,
                false);
        centred(right.addParagraph(), ReportDocument.MOTTO, ReportLayout.MOTTO_POINTS, true, false);
        rule(right.addParagraph(), rightWidth, ReportLayout.mottoRuleMm());
        XWPFParagraph date = right.addParagraph();
        centred(date, report.placeAndDate(), ReportLayout.BODY_POINTS, false, true);
        date.setSpacingBefore(120);
    }

    private void title(ReportDocument report) {
        XWPFParagraph kind = doc.createParagraph();
        centred(kind, report.kind(), ReportLayout.TITLE_POINTS, true, false);
        kind.setSpacingBefore(480);
        XWPFParagraph subject = doc.createParagraph();
        centred(subject, report.subject(), ReportLayout.TITLE_POINTS, true, false);
        rule(doc.createParagraph(), TEXT_WIDTH, ReportLayout.subjectRuleMm());
    }

    private void block(Block block) {
        if (block instanceof Heading heading) {
            body(heading.text(), true).setSpacingBefore(120);
        } else if (block instanceof Paragraph paragraph) {
            body(paragraph.text(), false);
        } else if (block instanceof Table table) {
            table(table);
        }
    }

    private XWPFParagraph body(String text, boolean bold) {
        XWPFParagraph paragraph = doc.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.BOTH);
        paragraph.setIndentationFirstLine(twips(ReportLayout.FIRST_LINE_INDENT_MM));
        paragraph.setSpacingAfter(120);
        paragraph.setSpacingBetween(ReportLayout.LINE_SPACING, LineSpacingRule.AUTO);
        run(paragraph, text, ReportLayout.BODY_POINTS, bold, false);
        return paragraph;
    }

    private void table(Table table) {
        XWPFParagraph caption = doc.createParagraph();
        centred(caption, table.caption(), ReportLayout.TABLE_POINTS, true, false);
        caption.setSpacingBefore(120);
        caption.setSpacingAfter(60);
        caption.setKeepNext(true);
        int total = table.widths().stream().mapToInt(Integer::intValue).sum();
        List<Integer> widths =
                table.widths().stream().map(width -> TEXT_WIDTH * width / total).toList();
        XWPFTable grid = doc.createTable(table.rows().size() + 1, widths.size());
        size(grid, widths);
        row(grid.getRow(0), table.headers(), 0, true);
        grid.getRow(0).setRepeatHeader(true);
        for (int i = 0; i < table.rows().size(); i++) {
            boolean bold = table.total() && i == table.rows().size() - 1;
            row(grid.getRow(i + 1), table.rows().get(i), table.textColumns(), bold);
        }
        doc.createParagraph().setSpacingAfter(0);
    }

    private static void row(XWPFTableRow row, List<String> cells, int textColumns, boolean bold) {
        row.setCantSplitRow(true);
        for (int column = 0; column < cells.size(); column++) {
            XWPFParagraph paragraph = row.getCell(column).getParagraphs().get(0);
            paragraph.setAlignment(
                    column < textColumns && column > 0 || textColumns == 1 && column == 0
                            ? ParagraphAlignment.LEFT
                            : ParagraphAlignment.CENTER);
            paragraph.setSpacingBefore(40);
            paragraph.setSpacingAfter(40);
            run(paragraph, cells.get(column), ReportLayout.TABLE_POINTS, bold, false);
        }
    }

    private void signature(ReportDocument report) {
        XWPFParagraph gap = doc.createParagraph();
        gap.setSpacingAfter(0);
        gap.setKeepNext(true);
        XWPFTable table = borderless(List.of(TEXT_WIDTH / 2, TEXT_WIDTH - TEXT_WIDTH / 2));
        XWPFTableCell left = table.getRow(0).getCell(0);
        XWPFTableCell right = table.getRow(0).getCell(1);
        XWPFParagraph to = left.getParagraphs().get(0);
        run(to, ReportDocument.RECIPIENTS, ReportLayout.RECIPIENTS_TITLE_POINTS, true, true);
        to.setSpacingAfter(0);
        for (String recipient : report.recipients()) {
            XWPFParagraph line = left.addParagraph();
            line.setSpacingAfter(0);
            run(line, recipient, ReportLayout.RECIPIENTS_POINTS, false, false);
        }
        var signature = report.signature();
        centred(right.getParagraphs().get(0), signature.authority(), ReportLayout.BODY_POINTS, true, false);
        centred(right.addParagraph(), signature.title(), ReportLayout.BODY_POINTS, true, false);
        XWPFParagraph room = right.addParagraph();
        room.setSpacingBefore(twips(ReportLayout.SIGNATURE_ROOM_MM) - 280);
        centred(right.addParagraph(), signature.name(), ReportLayout.BODY_POINTS, true, false);
    }

    private XWPFTable borderless(List<Integer> widths) {
        XWPFTable table = doc.createTable(1, widths.size());
        size(table, widths);
        table.setTopBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setBottomBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setLeftBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setRightBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setInsideHBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        table.setInsideVBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        return table;
    }

    private static void size(XWPFTable table, List<Integer> widths) {
        table.setWidthType(TableWidthType.DXA);
        table.setWidth(
                String.valueOf(widths.stream().mapToInt(Integer::intValue).sum()));
        CTTblGrid grid = table.getCTTbl().getTblGrid() == null
                ? table.getCTTbl().addNewTblGrid()
                : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int width : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(width));
        }
        for (XWPFTableRow row : table.getRows()) {
            for (int column = 0; column < widths.size(); column++) {
                XWPFTableCell cell = row.getCell(column);
                cell.setWidthType(TableWidthType.DXA);
                cell.setWidth(String.valueOf(widths.get(column)));
            }
        }
    }

    private static void centred(XWPFParagraph paragraph, String text, double points, boolean bold, boolean italic) {
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        paragraph.setSpacingAfter(0);
        run(paragraph, text, points, bold, italic);
    }

    /** A rule {@code mm} long, centred in a width of {@code width} twips: the bottom border of an empty line. */
    private static void rule(XWPFParagraph paragraph, int width, double mm) {
        int indent = Math.max(0, (width - twips(mm)) / 2);
        paragraph.setIndentationLeft(indent);
        paragraph.setIndentationRight(indent);
        paragraph.setBorderTop(Borders.SINGLE);
        paragraph.setSpacingBefore(40);
        paragraph.setSpacingAfter(0);
        run(paragraph, "", 4, false, false);
    }

    private static XWPFRun run(XWPFParagraph paragraph, String text, double points, boolean bold, boolean italic) {
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setFontFamily(SerifFont.NAME);
        run.setFontSize(points);
        run.setBold(bold);
        run.setItalic(italic);
        return run;
    }

    private static int twips(double mm) {
        return (int) Math.round(mm * TWIPS_PER_MM);
    }
}
