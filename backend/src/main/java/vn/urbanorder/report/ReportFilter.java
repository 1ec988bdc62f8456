package vn.urbanorder.report;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.shared.InvalidRequestException;

/**
 * What a list of reports is narrowed to; null fields do not narrow.
 *
 * @param bbox minLon, minLat, maxLon, maxLat
 * @param cursor the last report of the previous page
 * @param statuses only these statuses; empty for all
 * @param overdue true for only the reports past their deadline while they wait for their unit
 * @param unitId only the reports assigned to this unit
 * @param locationId only the reports at this violation location
 * @param zoneId only the reports that arrived in this zone, or in an earlier or later version of it (same code)
 * @param segmentId only the reports that arrived on this patrol segment, or on a version of it (same code)
 * @param flag only the reports carrying this flag (FOLLOW_UP: what inspectors asked the ward admin to look at)
 * @param inspectionRoundId only the reports submitted on this inspection round
 */
public record ReportFilter(
        Set<ReportStatus> statuses,
        @Nullable String category,
        @Nullable String subtype,
        @Nullable UUID reporterId,
        @Nullable Instant from,
        @Nullable Instant to,
        double @Nullable [] bbox,
        @Nullable String query,
        int limit,
        @Nullable ReportCursor cursor,
        @Nullable Boolean overdue,
        @Nullable UUID unitId,
        ReportSort sort,
        @Nullable UUID locationId,
        @Nullable UUID zoneId,
        @Nullable UUID segmentId,
        @Nullable ReportFlag flag,
        @Nullable UUID inspectionRoundId) {

    public ReportFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        sort = sort == null ? ReportSort.OBSERVED_AT : sort;
    }

    /**
     * What a reader narrows a list of reports (or the map) to, each criterion in the order of the
     * API's query parameters; a null one does not narrow.
     */
    public static ReportFilter search(
            Set<ReportStatus> statuses,
            @Nullable UUID unitId,
            @Nullable String category,
            @Nullable String subtype,
            @Nullable UUID reporterId,
            @Nullable Instant from,
            @Nullable Instant to,
            double @Nullable [] bbox,
            @Nullable String query,
            @Nullable Boolean overdue,
            @Nullable ReportFlag flag,
            int limit,
            ReportSort sort,
            @Nullable ReportCursor cursor) {
        return new ReportFilter(
                statuses,
                category,
                subtype,
                reporterId,
                from,
                to,
                bbox,
                query,
                limit,
                cursor,
                overdue,
                unitId,
                sort,
                null,
                null,
                null,
                flag,
                null);
    }

    /** The reports at a violation location, newest observation first. */
    public static ReportFilter atLocation(UUID locationId, int limit) {
        return new ReportFilter(
                Set.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                limit,
                null,
                null,
                null,
                ReportSort.OBSERVED_AT,
                locationId,
                null,
                null,
                null,
                null);
    }

    /** The inspectors' review queue (see {@link ReportSort#REVIEW_QUEUE}), of a unit or a zone if given. */
    public static ReportFilter reviewQueue(
            @Nullable UUID unitId, @Nullable UUID zoneId, int limit, @Nullable ReportCursor cursor) {
        return new ReportFilter(
                Set.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                limit,
                cursor,
                null,
                unitId,
                ReportSort.REVIEW_QUEUE,
                null,
                zoneId,
                null,
                null,
                null);
    }

    /** The same filter, narrowed to the reports of one inspection round (none: unchanged). */
    public ReportFilter onRound(@Nullable UUID roundId) {
        return new ReportFilter(
                statuses,
                category,
                subtype,
                reporterId,
                from,
                to,
                bbox,
                query,
                limit,
                cursor,
                overdue,
                unitId,
                sort,
                locationId,
                zoneId,
                segmentId,
                flag,
                roundId);
    }

    /** The same filter, narrowed to a zone and a patrol segment (none: unchanged). */
    public ReportFilter inPlace(@Nullable UUID zone, @Nullable UUID segment) {
        return new ReportFilter(
                statuses,
                category,
                subtype,
                reporterId,
                from,
                to,
                bbox,
                query,
                limit,
                cursor,
                overdue,
                unitId,
                sort,
                locationId,
                zone,
                segment,
                flag,
                inspectionRoundId);
    }

    /** A {@code unitId} parameter: {@code mine} for the caller's own unit, otherwise a unit id; null for none. */
    public static @Nullable UUID unitOf(@Nullable String unitId, Caller caller) {
        if (unitId == null || unitId.isBlank()) {
            return null;
        }
        if (unitId.equals("mine")) {
            if (caller.unitId() == null) {
                throw InvalidRequestException.of("unitId", "bạn không thuộc đơn vị nào");
            }
            return caller.unitId();
        }
        try {
            return UUID.fromString(unitId);
        } catch (IllegalArgumentException notAnId) {
            throw InvalidRequestException.of("unitId", "phải là mine hoặc mã của một đơn vị");
        }
    }
}
