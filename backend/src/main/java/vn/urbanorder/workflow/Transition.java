package vn.urbanorder.workflow;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.urbanorder.assignment.RuleLevel;
import vn.urbanorder.report.NewEvent;
import vn.urbanorder.report.ReportFlag;
import vn.urbanorder.report.ReportStatus;
import vn.urbanorder.report.StatusChange;

/**
 * A change of a report's status by an action or a review, applied only if the report is still at
 * the expected version and status.
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
        implements StatusChange {}
