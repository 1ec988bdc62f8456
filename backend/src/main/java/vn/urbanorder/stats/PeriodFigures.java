package vn.urbanorder.stats;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Everything a ward reports upward for one period: totals, the breakdowns, the repeat points,
 * the inspection rounds, the officers' activity and the change from the period before. Defined
 * figure by figure in {@code docs/stats.md}.
 */
public record PeriodFigures(
        String wardCode,
        String wardName,
        StatsPeriod period,
        Instant generatedAt,
        String summaryText,
        ReportCounts totals,
        WardWorkload workloadAtEnd,
        List<RejectedCount> rejectedByReason,
        List<MonthRow> byMonth,
        List<CategoryRow> byCategory,
        List<AreaRow> byZone,
        List<AreaRow> bySegment,
        List<UnitRow> byUnit,
        RepeatPoints repeatPoints,
        Rounds inspectionRounds,
        List<PatrolRow> patrolActivity,
        Comparison comparison) {

    /**
     * The ward's reports waiting for a unit when the period ended (observed whenever), and how many
     * of them were past their deadline then: the units' {@code openAtEnd} and {@code overdueAtEnd}
     * added up, with the reports that had no unit.
     */
    public record WardWorkload(long open, long overdue) {}

    /** A calendar month the period touches ({@code YYYY-MM}), with its reports' counts. */
    public record MonthRow(java.time.YearMonth month, String label, ReportCounts counts) {}

    /** Reports rejected for one reason ({@code name} in Vietnamese). */
    public record RejectedCount(String reason, String name, long count) {}

    /** A category, with a row per subtype (subtype null: the reports that gave none). */
    public record CategoryRow(String category, String name, ReportCounts counts, List<SubtypeRow> subtypes) {}

    public record SubtypeRow(@Nullable String subtype, String name, ReportCounts counts) {}

    /** A zone or segment by its code; code null: the reports that lay in none. */
    public record AreaRow(@Nullable String code, String name, ReportCounts counts) {}

    /**
     * A unit (id null: the violations no unit has). The period's violations now assigned to it, and
     * its workload when the period ended.
     */
    public record UnitRow(
            @Nullable UUID unitId,
            @Nullable String code,
            String name,
            long assigned,
            long resolved,
            long resolvedOnTime,
            @Nullable Double medianHoursToResolve,
            @Nullable Double p90HoursToResolve,
            long openAtEnd,
            long overdueAtEnd) {

        public @Nullable Double onTimePercent() {
            return ReportCounts.percent(resolvedOnTime, resolved);
        }
    }

    public record RepeatPoint(
            UUID locationId,
            String category,
            String categoryName,
            @Nullable String address,
            @Nullable String zoneCode,
            @Nullable String zoneName,
            double lat,
            double lon,
            long reportsInPeriod,
            long repeatOffencesInPeriod,
            long reportCount,
            long repeatCount,
            @Nullable Instant firstRepeatAt) {}

    /**
     * @param newInPeriod locations that became repeat points in the period
     * @param active repeat points (by the period's end) with a violation observed in the period
     * @param repeatOffences the period's violations flagged as repeat offences
     * @param listed active points, the most violations in the period first: the ten first in the
     *     JSON document (its {@code top}), every one of the {@code active} in an export file
     */
    public record RepeatPoints(long newInPeriod, long active, long repeatOffences, List<RepeatPoint> listed) {}

    /** A round whose days overlap the period; {@code startedInPeriod} false for one begun before. */
    public record RoundRow(
            UUID id,
            String title,
            java.time.LocalDate startedOn,
            java.time.LocalDate endedOn,
            boolean startedInPeriod,
            long reports,
            long violations) {}

    /**
     * Inspection rounds.
     *
     * @param count rounds that started in the period, so that months add up to their quarter
     * @param reportsFound the period's reports found on a round
     * @param rounds every round whose days overlap the period, begun in it or before
     */
    public record Rounds(long count, long reportsFound, long violationsFound, List<RoundRow> rounds) {}

    public record PatrolRow(
            UUID reporterId, String username, @Nullable String name, ReportCounts counts) {}

    /** The headline figures against the period just before. */
    public record Comparison(StatsPeriod previous, List<ComparedFigure> figures) {}

    /**
     * One headline figure now and before; values null where a share has nothing to share.
     *
     * @param changePercent for counts, the change relative to before, in percent
     */
    public record ComparedFigure(
            Figure figure,
            String name,
            @Nullable Double current,
            @Nullable Double previous,
            @Nullable Double difference,
            @Nullable Double changePercent) {}

    /** The headline figures, with their Vietnamese names. */
    public enum Figure {
        RECEIVED("Phản ánh tiếp nhận", false),
        VIOLATIONS("Vụ vi phạm", false),
        RESOLVED("Đã xử lý", false),
        RESOLVED_PERCENT("Tỷ lệ xử lý (%)", true),
        ON_TIME_PERCENT("Tỷ lệ đúng hạn (%)", true),
        REPEAT_POINTS("Điểm tái phạm", false),
        REPEAT_OFFENCES("Vụ tái phạm", false),
        INSPECTION_ROUNDS("Đợt kiểm tra", false),
        OPEN("Chưa xử lý xong", false),
        OVERDUE_AT_END("Quá hạn cuối kỳ", false);

        private final String label;
        private final boolean share;

        Figure(String label, boolean share) {
            this.label = label;
            this.share = share;
        }

        public String label() {
            return label;
        }

        /** Whether it is a share in percent (compared in points, not in percent). */
        public boolean share() {
            return share;
        }
    }
}
