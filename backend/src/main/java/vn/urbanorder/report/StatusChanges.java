package vn.urbanorder.report;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.urbanorder.shared.Binds;

/**
 * The one way a recorded report changes after intake: its row and its audit trail together. The
 * update names the version and status it expects, so of two concurrent changes to one report
 * exactly one applies; the other finds nothing to update and learns it was too late.
 */
@Service
public class StatusChanges {

    private final DatabaseClient database;
    private final ReportEvents events;

    StatusChanges(DatabaseClient database, ReportEvents events) {
        this.database = database;
        this.events = events;
    }

    /**
     * In the caller's transaction: true when the change applied and its event was appended; false
     * when the report had moved on (another version or status), and nothing was written.
     */
    public Mono<Boolean> apply(UUID wardId, StatusChange change) {
        var update = database.sql("UPDATE report SET status = :to, version = version + 1,"
                        + " assigned_unit_id = coalesce(CAST(:unit AS uuid), assigned_unit_id),"
                        + " assignment_rule = coalesce(CAST(:rule AS text), assignment_rule),"
                        // A duplicate undone is nobody's duplicate any more.
                        + " duplicate_of = CASE WHEN :from = 'DUPLICATE' AND report_violation(:to) THEN NULL"
                        + " ELSE coalesce(CAST(:duplicate AS uuid), duplicate_of) END,"
                        + " flags = CASE WHEN CAST(:flag AS text) IS NULL OR CAST(:flag AS text) = ANY(flags) THEN flags"
                        + " ELSE (SELECT array_agg(f ORDER BY f) FROM unnest(array_append(flags, CAST(:flag AS text))) f) END,"
                        // Not a violation: it counts toward no location.
                        + " violation_location_id = CASE WHEN NOT report_counts_at_location(:to, CAST(:reason AS text)) THEN NULL"
                        + " ELSE violation_location_id END,"
                        + " due_at = coalesce(CAST(:due AS timestamptz), due_at),"
                        // Reopened means not cleared after all.
                        + " resolved_at = CASE WHEN :to = 'REOPENED' THEN NULL"
                        + " ELSE coalesce(CAST(:resolved AS timestamptz), resolved_at) END,"
                        + " rejection_reason = coalesce(CAST(:reason AS text), rejection_reason)"
                        + " WHERE ward_id = :ward AND id = :id AND version = :version AND status = :from")
                .bind("to", change.to().name())
                .bind("ward", wardId)
                .bind("id", change.reportId())
                .bind("version", change.expectedVersion())
                .bind("from", change.from().name());
        update = Binds.nullable(update, "unit", change.unitId(), UUID.class);
        update = Binds.nullable(update, "due", change.dueAt(), Instant.class);
        update = Binds.nullable(update, "resolved", change.resolvedAt(), Instant.class);
        update = Binds.nullable(update, "reason", change.rejectionReason(), String.class);
        update = Binds.nullable(update, "duplicate", change.duplicateOf(), UUID.class);
        update = Binds.nullable(
                update, "rule", change.rule() == null ? null : change.rule().name(), String.class);
        update = Binds.nullable(
                update,
                "flag",
                change.addedFlag() == null ? null : change.addedFlag().name(),
                String.class);
        return update.fetch()
                .rowsUpdated()
                .flatMap(rows -> rows == 1
                        // The row is updated, and so locked: appends to one report never interleave.
                        ? events.append(wardId, change.reportId(), List.of(change.event()))
                                .thenReturn(true)
                        : Mono.just(false));
    }
}
