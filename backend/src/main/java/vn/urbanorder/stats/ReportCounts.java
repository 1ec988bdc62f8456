package vn.urbanorder.stats;

import org.jspecify.annotations.Nullable;

/**
 * Counts over the reports observed in a period, or in one part of it (a category, a zone, an
 * officer).
 *
 * @param received every report
 * @param violations the reports that are not duplicates and were not rejected
 * @param duplicates reports that are now DUPLICATE
 * @param rejected reports that are now REJECTED
 * @param resolved violations now RESOLVED or VERIFIED
 * @param resolvedOnTime of those, resolved by their deadline
 * @param repeatOffences violations flagged REPEAT_OFFENCE at intake
 */
public record ReportCounts(
        long received,
        long violations,
        long duplicates,
        long rejected,
        long resolved,
        long resolvedOnTime,
        long repeatOffences) {

    public static final ReportCounts NONE = new ReportCounts(0, 0, 0, 0, 0, 0, 0);

    /** resolved / violations, in percent to one decimal; null when there are no violations. */
    public @Nullable Double resolvedPercent() {
        return percent(resolved, violations);
    }

    /** resolvedOnTime / resolved, in percent to one decimal; null when none is resolved. */
    public @Nullable Double onTimePercent() {
        return percent(resolvedOnTime, resolved);
    }

    public long resolvedLate() {
        return resolved - resolvedOnTime;
    }

    /** Violations not resolved yet. */
    public long open() {
        return violations - resolved;
    }

    /** A share in percent to one decimal; null when there is nothing to share. */
    public static @Nullable Double percent(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }
}
