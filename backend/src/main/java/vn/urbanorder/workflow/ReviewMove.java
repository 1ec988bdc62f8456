package vn.urbanorder.workflow;

import java.util.EnumSet;
import java.util.Set;
import vn.urbanorder.report.ReportStatus;

/** Where an inspector's review may take a report, and from which statuses. */
public enum ReviewMove {
    /** The handling stands: a RESOLVED report becomes VERIFIED. */
    VERIFY(EnumSet.of(ReportStatus.RESOLVED)),
    /** The report goes back to its unit: a RESOLVED or VERIFIED one is REOPENED with a new deadline. */
    SEND_BACK(EnumSet.of(ReportStatus.RESOLVED, ReportStatus.VERIFIED)),
    /** The report stays where it is, in any status, flagged FOLLOW_UP for the ward admin. */
    FLAG_FOLLOW_UP(EnumSet.allOf(ReportStatus.class));

    private final Set<ReportStatus> from;

    ReviewMove(Set<ReportStatus> from) {
        this.from = from;
    }

    public boolean allowedFrom(ReportStatus status) {
        return from.contains(status);
    }

    /** The status the move leaves a report at. */
    public ReportStatus target(ReportStatus current) {
        return switch (this) {
            case VERIFY -> ReportStatus.VERIFIED;
            case SEND_BACK -> ReportStatus.REOPENED;
            case FLAG_FOLLOW_UP -> current;
        };
    }
}
