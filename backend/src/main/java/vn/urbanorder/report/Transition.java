package vn.urbanorder.report;

import java.time.Instant;
import java.util.UUID;
import vn.urbanorder.assignment.RuleLevel;

/**
 * A change of a report's status by an action, applied only if the report is still at the
 * expected version and status.
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
        UUID unitId,
        Instant dueAt,
        Instant resolvedAt,
        String rejectionReason,
        UUID duplicateOf,
        RuleLevel rule,
        ReportFlag addedFlag,
        UUID locationId,
        String category,
        NewEvent event) {}
