package vn.urbanorder.report;

import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import vn.urbanorder.photo.InspectedPhoto;
import vn.urbanorder.photo.PhotoStage;
import vn.urbanorder.photo.Photos;
import vn.urbanorder.shared.Binds;

/**
 * Applies a status change and appends its event in one transaction. The update names the version
 * and status it expects, so of two concurrent changes to one report exactly one applies; the
 * other finds nothing to update and learns it was too late.
 */
@Service
public class ReportTransitions {

    private final DatabaseClient database;
    private final ReportEvents events;
    private final Photos photos;
    private final LocationMatching locations;
    private final TransactionalOperator transactions;

    ReportTransitions(
            DatabaseClient database,
            ReportEvents events,
            Photos photos,
            LocationMatching locations,
            TransactionalOperator transactions) {
        this.database = database;
        this.locations = locations;
        this.events = events;
        this.photos = photos;
        this.transactions = transactions;
    }

    /** True when the change applied; false when the report had moved on (another version or status). */
    public Mono<Boolean> apply(UUID wardId, Transition change) {
        return apply(wardId, change, List.of());
    }

    /** The same, recording the unit's after-photos (files already stored) with the change. */
    public Mono<Boolean> apply(UUID wardId, Transition change, List<InspectedPhoto> afterPhotos) {
        return apply(wardId, change, afterPhotos, PhotoStage.RESOLUTION);
    }

    /** The same, with photos of another stage (an inspector's, with a review). */
    public Mono<Boolean> apply(UUID wardId, Transition change, List<InspectedPhoto> afterPhotos, PhotoStage stage) {
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
        update = Binds.nullable(update, "due", change.dueAt(), java.time.Instant.class);
        update = Binds.nullable(update, "resolved", change.resolvedAt(), java.time.Instant.class);
        update = Binds.nullable(update, "reason", change.rejectionReason(), String.class);
        update = Binds.nullable(update, "duplicate", change.duplicateOf(), UUID.class);
        update = Binds.nullable(
                update, "rule", change.rule() == null ? null : change.rule().name(), String.class);
        update = Binds.nullable(
                update,
                "flag",
                change.addedFlag() == null ? null : change.addedFlag().name(),
                String.class);
        Mono<Boolean> applied = update.fetch()
                .rowsUpdated()
                .flatMap(rows -> rows == 1
                        ? (afterPhotos.isEmpty()
                                        ? Mono.<Void>empty()
                                        : photos.add(wardId, change.reportId(), afterPhotos, stage))
                                .then(events.append(wardId, change.reportId(), List.of(change.event())))
                                // Whether a report there is a repeat offence depends on the others' statuses.
                                .then(
                                        change.locationId() == null
                                                ? Mono.<Void>empty()
                                                : locations.recount(change.locationId()))
                                .thenReturn(true)
                        : Mono.just(false));
        // The location's lock first, as intake takes it, then the report's row: one order, no deadlock.
        Mono<Void> locked = change.locationId() == null
                ? Mono.empty()
                : locations.lock(wardId, change.category(), change.locationId());
        return transactions.transactional(locked.then(applied));
    }
}
