package vn.urbanorder.console.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriBuilder;

/**
 * What the queue and the map narrow the reports to, read from the page's query. Only known
 * statuses, a well-formed category code and real ids are kept; anything else is dropped rather
 * than passed on to the API.
 *
 * @param statuses the chosen statuses; the open ones when none was chosen
 * @param zoneId a zone (tổ dân phố) of the ward's map
 * @param segmentId a patrol segment of the ward's map
 */
record ReportListFilter(
        List<String> statuses,
        String category,
        boolean overdue,
        boolean repeat,
        @Nullable UUID zoneId,
        @Nullable UUID segmentId) {

    /** A unit's open work: what the queue and the map show until something else is chosen. */
    static final List<String> OPEN = List.of("ASSIGNED", "IN_PROGRESS", "REOPENED");

    private static final Set<String> STATUSES = Set.of(
            "UNASSIGNED", "ASSIGNED", "IN_PROGRESS", "RESOLVED", "VERIFIED", "REOPENED", "REJECTED", "DUPLICATE");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    static ReportListFilter of(
            @Nullable List<String> status,
            @Nullable String category,
            @Nullable Boolean overdue,
            @Nullable Boolean repeat,
            @Nullable String zoneId,
            @Nullable String segmentId) {
        List<String> statuses = status == null
                ? List.of()
                : status.stream()
                        .flatMap(value -> List.of(value.split(",")).stream())
                        .filter(STATUSES::contains)
                        .distinct()
                        .toList();
        return new ReportListFilter(
                statuses.isEmpty() ? OPEN : statuses,
                category != null && CODE.matcher(category).matches() ? category : "",
                Boolean.TRUE.equals(overdue),
                Boolean.TRUE.equals(repeat),
                InspectorLists.idOrNull(zoneId),
                InspectorLists.idOrNull(segmentId));
    }

    /** The API's query parameters for this filter (GET /api/v1/reports and its GeoJSON twin take the same). */
    UriBuilder narrow(UriBuilder uri) {
        uri.queryParam("status", String.join(",", statuses));
        if (!category.isEmpty()) {
            uri.queryParam("category", category);
        }
        if (overdue) {
            uri.queryParam("overdue", true);
        }
        if (repeat) {
            uri.queryParam("flag", "REPEAT_OFFENCE");
        }
        if (zoneId != null) {
            uri.queryParam("zoneId", zoneId);
        }
        if (segmentId != null) {
            uri.queryParam("segmentId", segmentId);
        }
        return uri;
    }

    /** The filter as the templates read it (ids as text, empty for none). */
    Map<String, Object> model() {
        return Map.of(
                "status", statuses,
                "category", category,
                "overdue", overdue,
                "repeat", repeat,
                "zoneId", zoneId == null ? "" : zoneId.toString(),
                "segmentId", segmentId == null ? "" : segmentId.toString());
    }
}
