package vn.urbanorder.stats;

import java.util.List;

/**
 * One section of the figures as a table, the shape both the workbook (a sheet) and the CSV zip (a
 * file) are written from. Cells are {@link Long}, {@link Double} (one decimal shown), {@link
 * Coordinate}, {@link String}, {@link java.time.LocalDate}, {@link java.time.LocalDateTime} (local to
 * the ward) or null.
 *
 * @param sheet the sheet's name (at most 31 characters, as Excel allows)
 * @param file the CSV file's name, without extension
 */
record StatsTable(String sheet, String file, List<String> headers, List<List<Object>> rows) {

    StatsTable {
        if (sheet.length() > 31) {
            throw new IllegalArgumentException("Excel sheet names are at most 31 characters: " + sheet);
        }
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }
}
