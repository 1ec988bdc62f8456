package vn.urbanorder.report;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import vn.urbanorder.assignment.Assignment;
import vn.urbanorder.assignment.Assignments;
import vn.urbanorder.deadline.Deadlines;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.photo.InspectedPhoto;
import vn.urbanorder.photo.PhotoInspector;
import vn.urbanorder.photo.Photos;
import vn.urbanorder.photo.UploadedPhoto;
import vn.urbanorder.shared.InvalidRequestException;
import vn.urbanorder.shared.ProblemException;
import vn.urbanorder.shared.RandomIds;
import vn.urbanorder.shared.Sha256;
import vn.urbanorder.ward.Ward;

/**
 * Takes reports from patrols' phones exactly once. A phone retries until it hears back, so the
 * same report may arrive many times, at once, on different instances: the unique constraint on
 * (reporter, client id) decides which arrival records it, and every other one gets that report.
 *
 * <p>A report arrives with all its photos or not at all: photo files are stored before the
 * transaction that records the report and its photos, and removed again if that transaction
 * does not commit.
 */
@Service
public class ReportIntake {

    private final ReportStore reports;
    private final ReportRules rules;
    private final PhotoInspector inspector;
    private final Photos photos;
    private final ReportQueries queries;
    private final Assignments assignments;
    private final ReportEvents events;
    private final Deadlines deadlines;
    private final LocationMatching locations;
    private final TransactionalOperator transactions;
    private final Clock clock;

    ReportIntake(
            ReportStore reports,
            ReportRules rules,
            PhotoInspector inspector,
            Photos photos,
            ReportQueries queries,
            Assignments assignments,
            ReportEvents events,
            Deadlines deadlines,
            LocationMatching locations,
            TransactionalOperator transactions,
            Clock clock) {
        this.reports = reports;
        this.rules = rules;
        this.inspector = inspector;
        this.photos = photos;
        this.queries = queries;
        this.assignments = assignments;
        this.events = events;
        this.deadlines = deadlines;
        this.locations = locations;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A report with no photos. */
    public Mono<Intake> submit(Caller caller, ReportSubmission submission) {
        return submit(caller, submission, List.of());
    }

    /**
     * A report with its photos' files, in the order the officer took them; how many it may carry
     * was checked when its form arrived ({@code PhotoParts}).
     */
    public Mono<Intake> submit(Caller caller, ReportSubmission submission, List<UploadedPhoto> photoFiles) {
        return rules.wardOf(caller)
                .flatMap(ward -> inspector.inspect(photoFiles, ward.timeZone()).flatMap(inspected -> {
                    String payload = payloadSha256(submission, inspected);
                    Mono<Intake> stored = reports.findByClientId(caller.userId(), submission.clientReportId())
                            .flatMap(existing -> replay(existing, payload));
                    if (!inspected.isEmpty()) {
                        // A retry with photos is answered before its files are stored again.
                        return stored.switchIfEmpty(Mono.defer(() -> rules.check(caller, ward, submission)
                                .then(record(caller, ward, submission, inspected, payload))));
                    }
                    // Nearly every arrival is the first: it goes straight in, and the insert's unique
                    // constraint tells a repeated one (see record). One the rules refuse may still be
                    // a repeat of one they took (its day long past by now, say): answered as stored.
                    return rules.check(caller, ward, submission)
                            .then(Mono.<Throwable>empty())
                            .onErrorResume(ReportIntake::refusal, Mono::just)
                            .flatMap(refused -> stored.switchIfEmpty(Mono.error(refused)))
                            .switchIfEmpty(Mono.defer(() -> record(caller, ward, submission, inspected, payload)));
                }));
    }

    /** What the rules answer a submission they do not take with. */
    private static boolean refusal(Throwable failure) {
        return failure instanceof InvalidRequestException || failure instanceof ProblemException;
    }

    private Mono<Intake> record(
            Caller caller, Ward ward, ReportSubmission submission, List<InspectedPhoto> inspected, String payload) {
        Instant now = clock.instant();
        int year = now.atZone(ward.timeZone()).getYear();
        UUID id = RandomIds.uuid();
        Set<ReportFlag> flags = rules.flags(submission, inspected);
        // Inside the transaction: the location's lock is held from the placing to the commit, so of
        // two reports at one spot the second sees the first. Then the report, its trail and its
        // read-back in one statement, which takes the ward's reference number: the last before the
        // commit, since every submission of the ward waits for that number.
        Function<Assignment, Mono<Report>> inserted = assignment -> locations
                .place(
                        ward.id(),
                        submission.category(),
                        submission.location().point(),
                        assignment.zone() == null ? null : assignment.zone().id(),
                        id,
                        submission.observedAt().toInstant(),
                        now)
                .flatMap(placement ->
                        newReport(caller, ward, submission, payload, now, year, id, flags, assignment, placement))
                .flatMap(report -> reports.insertAndRead(
                                report, events.first(ward.id(), id, IntakeEvents.of(caller.userId(), report)))
                        // Someone else's arrival of the same report won: undo the number taken, keep theirs.
                        .switchIfEmpty(Mono.error(AlreadyRecorded::new))
                        .flatMap(recorded -> withPhotos(ward, recorded, inspected)));
        // Decided from the ward's map in memory, before the transaction, so it holds no lock.
        return assignments
                .decide(ward.id(), submission.category(), submission.location().point())
                // Read back inside the transaction: once it has committed nothing is left to fail, so
                // a stored report is never answered with an error (a phone would send it again).
                .flatMap(assignment -> photos.stageAndRun(
                        ward.id(), inspected, stored -> transactions.transactional(inserted.apply(assignment))))
                .map(report -> new Intake(report, true))
                .onErrorResume(AlreadyRecorded.class, lost -> reports.findByClientId(
                                caller.userId(), submission.clientReportId())
                        .flatMap(existing -> replay(existing, payload)));
    }

    /** The report just stored, with its photos recorded and read back in the same transaction. */
    private Mono<Report> withPhotos(Ward ward, Report recorded, List<InspectedPhoto> inspected) {
        if (inspected.isEmpty()) {
            return Mono.just(recorded);
        }
        return photos.record(ward.id(), recorded.id(), inspected)
                .then(queries.withPhotos(List.of(recorded)))
                .map(found -> found.get(0));
    }

    /**
     * The report as it will be stored. An open report already at its location makes it a
     * DUPLICATE of the oldest one, with no unit and no deadline; otherwise, when a report there was
     * cleared before it was observed, it is a REPEAT_OFFENCE and its deadline is shortened.
     */
    private Mono<NewReport> newReport(
            Caller caller,
            Ward ward,
            ReportSubmission submission,
            String payload,
            Instant now,
            int year,
            UUID id,
            Set<ReportFlag> flags,
            Assignment assignment,
            LocationMatching.Placement placement) {
        boolean duplicate = placement.duplicateOf() != null;
        boolean repeat = placement.repeatOffence();
        Set<ReportFlag> stated = EnumSet.noneOf(ReportFlag.class);
        stated.addAll(flags);
        if (repeat) {
            stated.add(ReportFlag.REPEAT_OFFENCE);
        }
        ReportStatus status = duplicate
                ? ReportStatus.DUPLICATE
                : assignment.assigned() ? ReportStatus.ASSIGNED : ReportStatus.UNASSIGNED;
        Mono<Optional<Instant>> dueAt = status == ReportStatus.ASSIGNED
                ? deadlines
                        .due(
                                ward.id(),
                                ward.timeZone(),
                                submission.category(),
                                now,
                                repeat ? placement.repeatDeadlineFactor() : 1)
                        .map(Optional::of)
                : Mono.just(Optional.empty());
        return dueAt.map(due -> new NewReport(
                id,
                ward.id(),
                caller.userId(),
                year,
                ward.code() + "-" + year + "-",
                submission,
                payload,
                now,
                stated,
                assignment,
                due.orElse(null),
                status,
                placement.locationId(),
                placement.duplicateOf()));
    }

    private Mono<Intake> replay(ReportStore.Stored existing, String payload) {
        if (!existing.payloadSha256().equals(payload)) {
            return Mono.error(InvalidRequestException.of(
                    "clientReportId", "Mã phản ánh này đã được dùng cho một phản ánh có nội dung khác."));
        }
        return queries.withPhotos(List.of(existing.report())).map(report -> new Intake(report.get(0), false));
    }

    /**
     * What the officer stated, in a fixed form: equal submissions hash equal, whatever the JSON
     * looked like. The version prefix lets the form change without old retries being refused.
     */
    static String payloadSha256(ReportSubmission submission, List<InspectedPhoto> inspected) {
        List<Object> parts = new ArrayList<>(List.of("v1"));
        parts.addAll(Stream.of(
                        submission.category(),
                        submission.subtype(),
                        nfc(submission.description()),
                        nfc(submission.addressText()),
                        submission.location().point().lat() + 0.0,
                        submission.location().point().lon() + 0.0,
                        submission.location().accuracyM() == null
                                ? null
                                : submission.location().accuracyM() + 0.0,
                        submission.observedAt().toInstant(),
                        submission.observedAt().getOffset(),
                        submission.inspectionRoundId())
                .map(value -> Objects.toString(value, ""))
                .toList());
        inspected.forEach(photo -> parts.add(photo.sha256()));
        String canonical = parts.stream().map(Object::toString).collect(Collectors.joining("\u001f"));
        return Sha256.hex(canonical);
    }

    private static @Nullable String nfc(@Nullable String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** Signals, inside the transaction, that another arrival recorded the report first. */
    private static final class AlreadyRecorded extends RuntimeException {
        AlreadyRecorded() {
            super(null, null, false, false);
        }
    }
}
