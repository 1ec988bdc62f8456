package vn.urbanorder.report;

import java.time.Instant;
import java.util.UUID;

/**
 * What a list of reports is narrowed to; null fields do not narrow.
 *
 * @param bbox minLon, minLat, maxLon, maxLat
 * @param cursor the last report of the previous page
 * @param overdue true for only the reports past their deadline while they wait for their unit
 */
public record ReportFilter(
        ReportStatus status,
        String category,
        String subtype,
        UUID reporterId,
        Instant from,
        Instant to,
        double[] bbox,
        String query,
        int limit,
        ReportCursor cursor,
        Boolean overdue) {}
