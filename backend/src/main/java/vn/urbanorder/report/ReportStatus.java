package vn.urbanorder.report;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where a report stands. Intake records ASSIGNED, UNASSIGNED or DUPLICATE; the workflow moves it on.
 *
 * <p>The groups below are the rules about report states that the rest of the service asks about.
 * SQL names the same groups as functions of the same name (migration V25: {@code report_open},
 * {@code report_waiting}, {@code report_awaiting_unit}, {@code report_cleared}, {@code
 * report_violation}, {@code report_counts_at_location}, {@code report_resolved_on_time}); every
 * query uses those, never a list of statuses, and a test checks that both sides agree for every
 * status.
 */
public enum ReportStatus {
    UNASSIGNED,
    ASSIGNED,
    IN_PROGRESS,
    RESOLVED,
    VERIFIED,
    REOPENED,
    REJECTED,
    DUPLICATE;

    /** The rejection reason of a report that was never a violation: it counts toward nothing. */
    public static final String NOT_A_VIOLATION = "NOT_A_VIOLATION";

    /** Handled or thrown out: no longer something on the street to deal with. */
    public static final Set<ReportStatus> CLOSED = EnumSet.of(RESOLVED, VERIFIED, REJECTED);

    /** Waiting to be handled, with or without a unit: what a new report at the same place duplicates. */
    public static final Set<ReportStatus> WAITING = EnumSet.of(UNASSIGNED, ASSIGNED, IN_PROGRESS, REOPENED);

    /** Waiting for its unit to act: what a deadline runs against. */
    public static final Set<ReportStatus> AWAITING_UNIT = EnumSet.of(ASSIGNED, IN_PROGRESS, REOPENED);

    /** Cleared by its unit: resolved, and perhaps verified since. A later report at the place repeats it. */
    public static final Set<ReportStatus> CLEARED = EnumSet.of(RESOLVED, VERIFIED);

    /** Stands as a violation: neither a duplicate of another report nor rejected. */
    public static final Set<ReportStatus> VIOLATION = EnumSet.complementOf(EnumSet.of(DUPLICATE, REJECTED));

    /** SQL {@code report_open}. */
    public boolean open() {
        return !CLOSED.contains(this);
    }

    /** SQL {@code report_waiting}. */
    public boolean waiting() {
        return WAITING.contains(this);
    }

    /** SQL {@code report_awaiting_unit}. */
    public boolean awaitsUnit() {
        return AWAITING_UNIT.contains(this);
    }

    /** SQL {@code report_cleared}. */
    public boolean cleared() {
        return CLEARED.contains(this);
    }

    /** SQL {@code report_violation}. */
    public boolean violation() {
        return VIOLATION.contains(this);
    }

    /**
     * Whether a report of this status, rejected (if it was) for that reason, counts at its location
     * and toward its inspection round: all but one rejected as not a violation. SQL {@code
     * report_counts_at_location}.
     */
    public boolean countsAtLocation(@Nullable String rejectionReason) {
        return !(this == REJECTED && NOT_A_VIOLATION.equals(rejectionReason));
    }

    /**
     * Whether a report of this status was cleared by its deadline (or had none). SQL {@code
     * report_resolved_on_time}, which answers null where this answers false: cleared with no time.
     */
    public boolean resolvedOnTime(@Nullable Instant dueAt, @Nullable Instant resolvedAt) {
        return cleared() && (dueAt == null || (resolvedAt != null && !resolvedAt.isAfter(dueAt)));
    }
}
