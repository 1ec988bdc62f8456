package vn.urbanorder.report;

import java.util.EnumSet;
import java.util.Set;

/** Where a report stands. Intake records UNASSIGNED; later features move it on. */
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

    public boolean open() {
        return !CLOSED.contains(this);
    }
}
