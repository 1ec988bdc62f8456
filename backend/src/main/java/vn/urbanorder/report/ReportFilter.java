package vn.urbanorder.report;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What a list of reports is narrowed to; null fields do not narrow.
 *
 * @param bbox minLon, minLat, maxLon, maxLat
 * @param cursor the last report of the previous page
 * @param statuses only these statuses; empty for all
 * @param overdue true for only the reports past their deadline while they wait for their unit
 * @param unitId only the reports assigned to this unit
 */
public record ReportFilter(
        Set<ReportStatus> statuses,
        String category,
        String subtype,
        UUID reporterId,
        Instant from,
        Instant to,
        double[] bbox,
        String query,
        int limit,
        ReportCursor cursor,
        Boolean overdue,
        UUID unitId,
        ReportSort sort) {

    public ReportFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        sort = sort == null ? ReportSort.OBSERVED_AT : sort;
    }
}
