package vn.urbanorder.report;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.identity.Role;

/**
 * The handling workflow: which action takes a report from which statuses to which, and who may
 * take it. Staff of the assigned unit accept and resolve; the ward admin verifies, reopens,
 * rejects, reassigns and undoes a duplicate. A REOPENED report is handled like an ASSIGNED one.
 */
public final class Lifecycle {

    private static final Map<ReportAction, Set<ReportStatus>> FROM = Map.of(
            ReportAction.ACCEPT, EnumSet.of(ReportStatus.ASSIGNED, ReportStatus.REOPENED),
            ReportAction.RESOLVE, EnumSet.of(ReportStatus.IN_PROGRESS),
            ReportAction.VERIFY, EnumSet.of(ReportStatus.RESOLVED),
            ReportAction.REOPEN, EnumSet.of(ReportStatus.RESOLVED, ReportStatus.VERIFIED),
            ReportAction.REJECT,
                    EnumSet.of(
                            ReportStatus.UNASSIGNED,
                            ReportStatus.ASSIGNED,
                            ReportStatus.IN_PROGRESS,
                            ReportStatus.REOPENED,
                            ReportStatus.DUPLICATE),
            ReportAction.REASSIGN,
                    EnumSet.of(
                            ReportStatus.UNASSIGNED,
                            ReportStatus.ASSIGNED,
                            ReportStatus.IN_PROGRESS,
                            ReportStatus.REOPENED),
            ReportAction.UNDUPLICATE, EnumSet.of(ReportStatus.DUPLICATE));

    /** Where each action takes a report; UNDUPLICATE goes to UNASSIGNED instead when no unit is found. */
    private static final Map<ReportAction, ReportStatus> TO = Map.of(
            ReportAction.ACCEPT, ReportStatus.IN_PROGRESS,
            ReportAction.RESOLVE, ReportStatus.RESOLVED,
            ReportAction.VERIFY, ReportStatus.VERIFIED,
            ReportAction.REOPEN, ReportStatus.REOPENED,
            ReportAction.REJECT, ReportStatus.REJECTED,
            ReportAction.REASSIGN, ReportStatus.ASSIGNED,
            ReportAction.UNDUPLICATE, ReportStatus.ASSIGNED);

    private Lifecycle() {}

    public static ReportStatus target(ReportAction action) {
        return Objects.requireNonNull(TO.get(action), "every action has a target");
    }

    public static boolean allowedFrom(ReportAction action, ReportStatus status) {
        return Objects.requireNonNull(FROM.get(action), "every action has its starting statuses")
                .contains(status);
    }

    /** Whether the caller's role (and for unit staff, their unit) lets them take the action on this report at all. */
    public static boolean mayTake(Caller caller, Report report, ReportAction action) {
        return switch (action) {
            case ACCEPT, RESOLVE ->
                caller.has(Role.UNIT_STAFF)
                        && caller.unitId() != null
                        && report.assignment() != null
                        && report.assignment().unit() != null
                        && caller.unitId().equals(report.assignment().unit().id());
            case VERIFY, REOPEN, REJECT, REASSIGN, UNDUPLICATE -> caller.has(Role.WARD_ADMIN);
        };
    }

    /** The actions the caller may take on the report as it stands. */
    public static Set<ReportAction> allowed(Caller caller, Report report) {
        Set<ReportAction> allowed = EnumSet.noneOf(ReportAction.class);
        for (ReportAction action : ReportAction.values()) {
            if (allowedFrom(action, report.status()) && mayTake(caller, report, action)) {
                allowed.add(action);
            }
        }
        return allowed;
    }
}
