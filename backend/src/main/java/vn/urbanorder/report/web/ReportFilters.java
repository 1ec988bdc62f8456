package vn.urbanorder.report.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;
import vn.urbanorder.api.model.ReportFlagDto;
import vn.urbanorder.api.model.ReportStatusDto;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.report.ReportCursor;
import vn.urbanorder.report.ReportFilter;
import vn.urbanorder.report.ReportFlag;
import vn.urbanorder.report.ReportSort;
import vn.urbanorder.report.ReportStatus;
import vn.urbanorder.shared.CalendarBounds;
import vn.urbanorder.shared.Proximity;

/**
 * The report filters as the API's query parameters give them, for every endpoint that lists
 * reports (the list, and the map layer of another feature). Malformed values are 422 problems on
 * their parameter.
 */
@NamedInterface("filters")
public final class ReportFilters {

    private ReportFilters() {}

    public static ReportFilter of(
            Caller caller,
            @Nullable List<ReportStatusDto> status,
            @Nullable String unitId,
            @Nullable String category,
            @Nullable String subtype,
            @Nullable UUID reporterId,
            @Nullable OffsetDateTime from,
            @Nullable OffsetDateTime to,
            @Nullable String bbox,
            @Nullable String q,
            @Nullable Boolean overdue,
            @Nullable ReportFlagDto flag,
            int limit,
            ReportSort sort,
            @Nullable ReportCursor cursor) {
        Proximity.Box box = Proximity.Box.parse(bbox);
        // Checked in this order, so that of several bad parameters the same one is named first.
        Instant since = from == null ? null : CalendarBounds.check("from", from).toInstant();
        Instant until = to == null ? null : CalendarBounds.check("to", to).toInstant();
        UUID unit = ReportFilter.unitOf(unitId, caller);
        return ReportFilter.search(
                status == null
                        ? Set.of()
                        : status.stream()
                                .map(one -> ReportStatus.valueOf(one.name()))
                                .collect(Collectors.toSet()),
                unit,
                category,
                subtype,
                reporterId,
                since,
                until,
                box == null ? null : box.toArray(),
                q,
                overdue,
                flag == null ? null : ReportFlag.valueOf(flag.getValue()),
                limit,
                sort,
                cursor);
    }
}
