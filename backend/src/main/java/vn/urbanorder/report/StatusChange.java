package vn.urbanorder.report;

import java.time.Instant;
import java.util.UUID;
import vn.urbanorder.assignment.RuleLevel;

/**
 * What another feature may change on a recorded report, and the event that says so: the workflow
 * decides it, {@link StatusChanges} writes it. A null value keeps the report's.
 */
public interface StatusChange {

    UUID reportId();

    /** The version the change was decided at; the report must still be at it. */
    int expectedVersion();

    /** The status the change was decided from; the report must still be at it. */
    ReportStatus from();

    ReportStatus to();

    UUID unitId();

    Instant dueAt();

    Instant resolvedAt();

    String rejectionReason();

    UUID duplicateOf();

    RuleLevel rule();

    ReportFlag addedFlag();

    NewEvent event();
}
