package vn.urbanorder.report;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import vn.urbanorder.assignment.Assignments;
import vn.urbanorder.deadline.Deadlines;
import vn.urbanorder.photo.InspectedPhoto;
import vn.urbanorder.photo.Photos;
import vn.urbanorder.shared.RandomIds;
import vn.urbanorder.ward.Ward;

/**
 * Reports recorded as they were received at an earlier moment, for a ward's history brought in
 * from before (the demo's reports). Intake's rules do not apply (it refuses observations older
 * than 30 days); each is assigned on the ward's current map with the deadline it had then, placed
 * at its location as intake would but judged neither a duplicate nor a repeat, and given intake's
 * trail.
 */
@Service
public class PastReports {

    private final ReportStore reports;
    private final ReportEvents events;
    private final Assignments assignments;
    private final Deadlines deadlines;
    private final LocationMatching locations;
    private final Photos photos;
    private final TransactionalOperator transactions;

    PastReports(
            ReportStore reports,
            ReportEvents events,
            Assignments assignments,
            Deadlines deadlines,
            LocationMatching locations,
            Photos photos,
            TransactionalOperator transactions) {
        this.reports = reports;
        this.events = events;
        this.assignments = assignments;
        this.deadlines = deadlines;
        this.locations = locations;
        this.photos = photos;
        this.transactions = transactions;
    }

    /** Whether the reporter already has a report with that client id. */
    public Mono<Boolean> exists(UUID reporterId, UUID clientReportId) {
        return reports.findByClientId(reporterId, clientReportId).hasElement();
    }

    /**
     * Records the report, in the caller's transaction, with its photos (their files already
     * stored: run it in {@link Photos#stageAndRun}), and answers it as recorded. Its reference number counts in the year it was
     * observed. Fails when the reporter already has a report with its client id (another instance
     * added it first): roll back, so that the number taken is given back.
     */
    public Mono<Report> record(
            Ward ward, UUID reporterId, ReportSubmission submission, Instant receivedAt, List<InspectedPhoto> taken) {
        var point = submission.location().point();
        int year = submission.observedAt().atZoneSameInstant(ward.timeZone()).getYear();
        UUID id = RandomIds.uuid();
        Mono<Report> recorded = assignments
                .decide(ward.id(), submission.category(), point)
                .flatMap(assigned -> (assigned.assigned()
                                ? deadlines
                                        .due(ward.id(), ward.timeZone(), submission.category(), receivedAt)
                                        .map(Optional::of)
                                : Mono.just(Optional.<Instant>empty()))
                        .flatMap(dueAt -> locations
                                .match(
                                        ward.id(),
                                        submission.category(),
                                        point,
                                        assigned.zone() == null
                                                ? null
                                                : assigned.zone().id(),
                                        id,
                                        receivedAt)
                                .map(match -> new NewReport(
                                        id,
                                        ward.id(),
                                        reporterId,
                                        year,
                                        ward.code() + "-" + year + "-",
                                        submission,
                                        ReportIntake.payloadSha256(submission, taken),
                                        receivedAt,
                                        EnumSet.noneOf(ReportFlag.class),
                                        assigned,
                                        dueAt.orElse(null),
                                        assigned.assigned() ? ReportStatus.ASSIGNED : ReportStatus.UNASSIGNED,
                                        match.locationId(),
                                        null))))
                .flatMap(report -> locations
                        .countNew(report.locationId(), submission.observedAt().toInstant(), false)
                        .then(reports.insert(report, events.first(ward.id(), id, IntakeEvents.of(reporterId, report))))
                        .switchIfEmpty(Mono.error(new IllegalStateException("recorded already")))
                        .flatMap(stored -> photos.record(ward.id(), stored, taken))
                        .then(reports.findInWard(ward.id(), id)));
        return transactions.transactional(recorded);
    }
}
