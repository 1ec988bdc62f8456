package vn.urbanorder.report;

import java.util.EnumSet;
import java.util.Set;

/** Where a report stands. Intake records ASSIGNED or UNASSIGNED; the workflow moves it on. */
public enum ReportStatus {
    UNASSIGNED,
    ASSIGNED,
    IN_PROGRESS,
    RESOLVED,
    VERIFIED,
    REOPENED,
    REJECTED,
    DUPLICATE;

    /** Handled or thrown out: no longer something on the street to deal with. */
    public static final Set<ReportStatus> CLOSED = EnumSet.of(RESOLVED, VERIFIED, REJECTED);

    /** Waiting for its unit to act: what a deadline runs against. */
    public static final Set<ReportStatus> AWAITING_UNIT = EnumSet.of(ASSIGNED, IN_PROGRESS, REOPENED);

    public boolean open() {
        return !CLOSED.contains(this);
    }

    public boolean awaitsUnit() {
        return AWAITING_UNIT.contains(this);
    }
}
