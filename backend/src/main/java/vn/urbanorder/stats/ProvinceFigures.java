package vn.urbanorder.stats;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A province's figures for a period: one row per ward, each equal to that ward's own figures for
 * the period, their total, and the wards ranked by on-time rate. Defined in {@code docs/stats.md}
 * ("Province figures").
 */
public record ProvinceFigures(
        String provinceCode,
        String provinceName,
        StatsPeriod period,
        Instant generatedAt,
        String summaryText,
        List<WardRow> wards,
        Total total,
        List<RankedWard> ranking) {

    /**
     * One ward's figures, as its own {@code GET /stats} gives them.
     *
     * @param counts its {@code totals.counts}
     * @param openAtEnd its {@code totals.openAtEnd}
     * @param overdueAtEnd its {@code totals.overdueAtEnd}
     * @param repeatPoints its {@code repeatPoints.active}
     * @param inspectionRounds its {@code inspectionRounds.count}
     */
    public record WardRow(
            UUID wardId,
            String wardCode,
            String wardName,
            ReportCounts counts,
            long openAtEnd,
            long overdueAtEnd,
            long repeatPoints,
            long inspectionRounds) {}

    /** The rows added up; the shares of {@code counts} come from the sums. */
    public record Total(
            int wards,
            ReportCounts counts,
            long openAtEnd,
            long overdueAtEnd,
            long repeatPoints,
            long inspectionRounds) {}

    /**
     * A ward's place by on-time rate.
     *
     * @param rank 1 for the best; null for a ward with nothing resolved, which has no rate
     */
    public record RankedWard(
            @Nullable Integer rank,
            UUID wardId,
            String wardCode,
            String wardName,
            @Nullable Double onTimePercent,
            long resolved,
            long resolvedOnTime) {

        public boolean rated() {
            return rank != null;
        }
    }
}
