package vn.urbanorder.stats;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * How a sheet prints: on A4, fitted to one page wide (as many pages long as it needs), upright
 * when its columns fit a portrait page's width and on its side otherwise, with its header row
 * repeated on every page, grid lines, and the sheet's name and page number in the margins.
 */
final class PageLayout {

    /** Margins, in inches: 15 mm left (the binding side), 10 mm right, 15 mm top and bottom. */
    static final double LEFT = 0.6;

    static final double RIGHT = 0.4;
    static final double TOP = 0.6;
    static final double BOTTOM = 0.6;
    static final double HEADER_FOOTER = 0.3;

    private static final double A4_SHORT_INCHES = 210 / 25.4;
    private static final double A4_LONG_INCHES = 297 / 25.4;

    private PageLayout() {}

    /** The printable width of the page a sheet this wide prints on, in pixels at 96 dpi. */
    static double printableWidthPx(double sheetPx) {
        return (landscape(sheetPx) ? A4_LONG_INCHES : A4_SHORT_INCHES) * 96 - (LEFT + RIGHT) * 96;
    }

    static boolean landscape(double sheetPx) {
        return sheetPx > (A4_SHORT_INCHES - LEFT - RIGHT) * 96;
    }

    static void apply(Sheet sheet, double sheetPx) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(landscape(sheetPx));
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setPrintGridlines(true);
        sheet.setMargin(Sheet.LeftMargin, LEFT);
        sheet.setMargin(Sheet.RightMargin, RIGHT);
        sheet.setMargin(Sheet.TopMargin, TOP);
        sheet.setMargin(Sheet.BottomMargin, BOTTOM);
        sheet.setMargin(Sheet.HeaderMargin, HEADER_FOOTER);
        sheet.setMargin(Sheet.FooterMargin, HEADER_FOOTER);
        sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
        sheet.getHeader().setCenter("&A");
        sheet.getFooter().setCenter("Trang &P/&N");
    }
}
