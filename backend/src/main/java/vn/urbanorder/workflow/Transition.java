package vn.urbanorder.workflow;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.urbanorder.assignment.RuleLevel;
import vn.urbanorder.report.NewEvent;
import vn.urbanorder.report.Report;
import vn.urbanorder.report.ReportFlag;
import vn.urbanorder.report.ReportStatus;
import vn.urbanorder.report.StatusChange;

/**
 * A change of a report's status by an action or a review, applied only if the report is still at
 * the expected version and status. Made by the factory named for its case, from the report as the
 * actor saw it ({@link Seen}).
 *
 * @param unitId the new unit (REASSIGN), or null to keep the unit
 * @param dueAt the new deadline (REASSIGN, REOPEN), or null to keep it
 * @param resolvedAt when it was resolved (RESOLVE), or null
 * @param rule how the new unit was chosen (MANUAL for REASSIGN, the map's rule for UNDUPLICATE), or null to keep it
 * @param addedFlag a flag the report gains (REPEAT_OFFENCE when an undone duplicate turns out a repeat), or null
 * @param locationId the report's violation location, whose counts follow the change; null for none
 * @param category the report's category, whose locations' lock the change takes
 */
public record Transition(
        UUID reportId,
        int expectedVersion,
        ReportStatus from,
        ReportStatus to,
        @Nullable UUID unitId,
        @Nullable Instant dueAt,
        @Nullable Instant resolvedAt,
        @Nullable String rejectionReason,
        @Nullable UUID duplicateOf,
        @Nullable RuleLevel rule,
        @Nullable ReportFlag addedFlag,
        @Nullable UUID locationId,
        String category,
        NewEvent event)
        implements StatusChange {

    /**
     * The report as the actor saw it: the change applies only while its id, version and status
     * are still these, and takes the lock and counts of its location and category.
     *
     * @param locationId the report's violation location, or null for none
     */
    public record Seen(
            UUID reportId,
            int version,
            ReportStatus status,
            @Nullable UUID locationId,
            String category) {

        public static Seen of(Report report) {
            return new Seen(
                    report.id(),
                    report.version(),
                    report.status(),
                    report.violationLocation() == null
                            ? null
                            : report.violationLocation().id(),
                    report.category());
        }
    }

    /** Only the status changes (ACCEPT, VERIFY, a CONFIRMED review). */
    public static Transition move(Seen seen, ReportStatus to, NewEvent event) {
        return of(seen, to, null, null, null, null, null, null, null, event);
    }

    /** RESOLVE: resolved at the given moment. */
    public static Transition resolve(Seen seen, Instant resolvedAt, NewEvent event) {
        return of(seen, ReportStatus.RESOLVED, null, null, resolvedAt, null, null, null, null, event);
    }

    /** REJECT, for the reason; duplicateOf names the report it repeats when the reason is DUPLICATE, else null. */
    public static Transition reject(Seen seen, @Nullable String reason, @Nullable UUID duplicateOf, NewEvent event) {
        return of(seen, ReportStatus.REJECTED, null, null, null, reason, duplicateOf, null, null, event);
    }

    /** Back to the unit with a new deadline (REOPEN, a DISPUTED review). */
    public static Transition reopen(Seen seen, @Nullable Instant dueAt, NewEvent event) {
        return of(seen, ReportStatus.REOPENED, null, dueAt, null, null, null, null, null, event);
    }

    /** REASSIGN: to the unit the ward admin chose, with a new deadline. */
    public static Transition reassign(Seen seen, @Nullable UUID unitId, @Nullable Instant dueAt, NewEvent event) {
        return of(seen, ReportStatus.ASSIGNED, unitId, dueAt, null, null, null, RuleLevel.MANUAL, null, event);
    }

    /**
     * UNDUPLICATE: to assignment as intake would, ASSIGNED to the map's unit by its rule with a
     * deadline or UNASSIGNED with none of these (null); repeat is REPEAT_OFFENCE when a report at
     * its location was cleared before it was observed, else null.
     */
    public static Transition unduplicate(
            Seen seen,
            ReportStatus to,
            @Nullable UUID unitId,
            @Nullable RuleLevel rule,
            @Nullable Instant dueAt,
            @Nullable ReportFlag repeat,
            NewEvent event) {
        return of(seen, to, unitId, dueAt, null, null, null, rule, repeat, event);
    }

    /** The status stays; the report gains the flag (a FOLLOW_UP review). */
    public static Transition flag(Seen seen, ReportFlag flag, NewEvent event) {
        return of(seen, seen.status(), null, null, null, null, null, null, flag, event);
    }

    private static Transition of(
            Seen seen,
            ReportStatus to,
            @Nullable UUID unitId,
            @Nullable Instant dueAt,
            @Nullable Instant resolvedAt,
            @Nullable String rejectionReason,
            @Nullable UUID duplicateOf,
            @Nullable RuleLevel rule,
            @Nullable ReportFlag addedFlag,
            NewEvent event) {
        return new Transition(
                seen.reportId(),
                seen.version(),
                seen.status(),
                to,
                unitId,
                dueAt,
                resolvedAt,
                rejectionReason,
                duplicateOf,
                rule,
                addedFlag,
                seen.locationId(),
                seen.category(),
                event);
    }
}
