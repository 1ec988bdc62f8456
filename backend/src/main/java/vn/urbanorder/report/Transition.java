package vn.urbanorder.report;

import java.time.Instant;
import java.util.UUID;

/**
 * A change of a report's status by an action, applied only if the report is still at the
 * expected version and status.
 *
 * @param unitId the new unit (REASSIGN), or null to keep the unit
 * @param dueAt the new deadline (REASSIGN, REOPEN), or null to keep it
 * @param resolvedAt when it was resolved (RESOLVE), or null
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
        NewEvent event) {}
