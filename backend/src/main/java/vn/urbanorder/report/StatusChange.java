package vn.urbanorder.report;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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

    @Nullable
    UUID unitId();

    @Nullable
    Instant dueAt();

    @Nullable
    Instant resolvedAt();

    @Nullable
    String rejectionReason();

    @Nullable
    UUID duplicateOf();

    @Nullable
    RuleLevel rule();

    @Nullable
    ReportFlag addedFlag();

    NewEvent event();
}
