package vn.urbanorder.stats;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.FontFamily;
import org.apache.poi.ss.usermodel.FontScheme;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.jspecify.annotations.Nullable;

/**
 * An Excel workbook written through SXSSF: only a window of rows stays in memory, the rest goes to
 * a compressed temporary file (one per sheet, deleted on close), so memory stays flat however many reports the period has. Every
 * sheet has a frozen, filtered header row; counts are numbers and times are dates. It prints
 * legibly: in Times New Roman 12, columns as wide as their labels ({@link SheetColumns}), long text
 * wrapped on rows tall enough for it, every sheet fitted to the width of an A4 page
 * ({@link PageLayout}).
 */
final class WorkbookWriter implements ExportWriter {

    static final String REPORT_SHEET = "Danh sách phản ánh";

    /** Rows of the report list whose text the columns are sized for (a list is not measured whole). */
    private static final int MEASURED_REPORTS = 1000;

    /** Rows SXSSF keeps in memory per sheet before flushing to its temporary file. */
    private static final int WINDOW = 200;

    private static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();

    private static final int BUFFER = 64 * 1024;

    private final Path target;
    private final SXSSFWorkbook book = new QuicklyCompressedWorkbook(WINDOW);
    private final CellStyle header;
    private final CellStyle wholeNumber;
    private final CellStyle decimal;
    private final CellStyle coordinate;
    private final CellStyle date;
    private final CellStyle dateTime;
    private final CellStyle text;
    private final CellStyle wrapped;
    private final XSSFFont normal;

    private List<String> reportHeaders = List.of();
    private SheetColumns reportColumns = new SheetColumns(0);
    private @Nullable SXSSFSheet reportSheet;
    private int reportRow;
    private int reportSheets;
    private int tables;

    WorkbookWriter(Path target) {
        this.target = target;
        var format = book.createDataFormat();
        XSSFFont normal = book.getXSSFWorkbook().getFontAt(0);
        serif(normal);
        // Said again by every style: LibreOffice takes a style without its own font for its
        // default style's, which it does not read from the workbook (Liberation Sans, not ours).
        book.getCellStyleAt(0).setFont(normal);
        this.normal = normal;
        XSSFFont bold = book.getXSSFWorkbook().createFont();
        serif(bold);
        bold.setBold(true);
        header = book.createCellStyle();
        header.setFont(bold);
        header.setWrapText(true);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        wholeNumber = style(format.getFormat("#,##0"));
        decimal = style(format.getFormat("#,##0.0"));
        coordinate = style(format.getFormat("0.000000"));
        date = style(format.getFormat("dd/mm/yyyy"));
        dateTime = style(format.getFormat("dd/mm/yyyy hh:mm"));
        text = book.createCellStyle();
        text.setFont(normal);
        text.setVerticalAlignment(VerticalAlignment.TOP);
        wrapped = book.createCellStyle();
        wrapped.setFont(normal);
        wrapped.setVerticalAlignment(VerticalAlignment.TOP);
        wrapped.setWrapText(true);
    }

    /**
     * Times New Roman 12, not the theme's font: a font of the theme's scheme (POI's default font
     * is) shows the theme's Calibri whatever its name says.
     */
    private static void serif(XSSFFont font) {
        font.setScheme(FontScheme.NONE);
        font.setFamily(FontFamily.ROMAN);
        font.setFontName(SerifFont.NAME);
        font.setFontHeightInPoints((short) SheetColumns.FONT_POINTS);
    }

    private CellStyle style(short dataFormat) {
        CellStyle style = book.createCellStyle();
        style.setFont(normal);
        style.setDataFormat(dataFormat);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        return style;
    }

    /**
     * A section table: its columns sized for its text first (it is small), then its rows, a text
     * too long for its column wrapped on a row tall enough for its lines.
     */
    @Override
    public void table(StatsTable table) {
        SXSSFSheet sheet = sheet(table.sheet(), table.headers());
        var columns = new SheetColumns(table.headers().size());
        columns.fitHeaders(table.headers());
        table.rows().forEach(columns::fitRow);
        columns.fillPage(columns.wrapping(table.rows()));
        int index = 1;
        for (List<Object> cells : table.rows()) {
            Row row = sheet.createRow(index++);
            write(row, cells);
            int lines = 1;
            for (int column = 0; column < cells.size(); column++) {
                if (cells.get(column) instanceof String value) {
                    row.getCell(column).setCellStyle(columns.fits(column, value) ? text : wrapped);
                    lines = Math.max(lines, columns.lines(column, value));
                }
            }
            if (lines > 1) {
                row.setHeightInPoints((float) (lines * SheetColumns.LINE_POINTS + 2));
            }
        }
        filter(sheet, table.rows().size(), table.headers(), columns);
        book.setSheetOrder(table.sheet(), tables++);
    }

    @Override
    public void startReports(List<String> headers) {
        reportHeaders = headers;
        nextReportSheet();
    }

    @Override
    public void report(List<Object> cells) {
        if (reportRow == MAX_ROWS) {
            filter(reportSheet(), reportRow - 1, reportHeaders, reportColumns);
            nextReportSheet();
        }
        if (reportRow <= MEASURED_REPORTS) {
            reportColumns.fitRow(cells);
        }
        write(reportSheet().createRow(reportRow++), cells);
    }

    private SXSSFSheet reportSheet() {
        return Objects.requireNonNull(reportSheet, "startReports comes first");
    }

    /** Excel holds 1,048,576 rows a sheet; a longer list goes on into "Danh sách phản ánh (2)". */
    private void nextReportSheet() {
        reportSheets++;
        reportSheet = sheet(reportSheets == 1 ? REPORT_SHEET : REPORT_SHEET + " (" + reportSheets + ")", reportHeaders);
        reportRow = 1;
        reportColumns = new SheetColumns(reportHeaders.size());
        reportColumns.fitHeaders(reportHeaders);
    }

    @Override
    public void finish() throws IOException {
        if (reportSheet != null) {
            filter(reportSheet, reportRow - 1, reportHeaders, reportColumns);
        }
        // The summary opens first, alone: sheets left selected together would take each other's edits.
        book.forEach(sheet -> sheet.setSelected(false));
        book.setActiveSheet(0);
        book.setSelectedTab(0);
        try (OutputStream out = Files.newOutputStream(target)) {
            book.write(out);
        }
    }

    @Override
    public void close() throws IOException {
        book.close(); // also deletes SXSSF's temporary files
    }

    private SXSSFSheet sheet(String name, List<String> headers) {
        SXSSFSheet sheet = book.createSheet(name);
        Row row = sheet.createRow(0);
        for (int column = 0; column < headers.size(); column++) {
            Cell cell = row.createCell(column);
            cell.setCellValue(headers.get(column));
            cell.setCellStyle(header);
        }
        sheet.createFreezePane(0, 1);
        sheet.setDefaultRowHeightInPoints((float) SheetColumns.LINE_POINTS);
        return sheet;
    }

    /**
     * The header's filter, the column widths and the page set-up. Set once the rows are written:
     * while a sheet has column definitions, POI looks them up for every cell it creates, which
     * costs a third of the writing.
     */
    private static void filter(SXSSFSheet sheet, int rows, List<String> headers, SheetColumns columns) {
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(rows, 1), 0, headers.size() - 1));
        for (int column = 0; column < columns.size(); column++) {
            sheet.setColumnWidth(column, columns.widthUnits(column));
        }
        PageLayout.apply(sheet, columns.totalPx());
    }

    private void write(Row row, List<Object> cells) {
        for (int column = 0; column < cells.size(); column++) {
            Object value = cells.get(column);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(column);
            if (value instanceof Long number) {
                cell.setCellValue(number);
                cell.setCellStyle(wholeNumber);
            } else if (value instanceof Double number) {
                cell.setCellValue(number);
                cell.setCellStyle(decimal);
            } else if (value instanceof Coordinate point) {
                cell.setCellValue(point.degrees());
                cell.setCellStyle(coordinate);
            } else if (value instanceof LocalDateTime time) {
                cell.setCellValue(time);
                cell.setCellStyle(dateTime);
            } else if (value instanceof LocalDate day) {
                cell.setCellValue(day);
                cell.setCellStyle(date);
            } else {
                cell.setCellValue(value.toString());
            }
        }
    }

    /**
     * Keeps each sheet's rows in a temporary file compressed at deflate's fastest level: about as
     * fast as not compressing, against a third of the time more at the default level, and still a
     * fraction of the XML's size on disk.
     */
    private static final class QuicklyCompressedWorkbook extends SXSSFWorkbook {

        QuicklyCompressedWorkbook(int window) {
            super(window);
        }

        @Override
        protected SheetDataWriter createSheetDataWriter() throws IOException {
            return new SheetDataWriter() {
                @Override
                protected OutputStream decorateOutputStream(FileOutputStream file) throws IOException {
                    return new GZIPOutputStream(file, BUFFER) {
                        {
                            def.setLevel(Deflater.BEST_SPEED);
                        }
                    };
                }

                @Override
                protected InputStream decorateInputStream(FileInputStream file) throws IOException {
                    return new GZIPInputStream(file, BUFFER);
                }
            };
        }
    }
}
