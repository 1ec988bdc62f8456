package vn.urbanorder.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import vn.urbanorder.assignment.Assignment;
import vn.urbanorder.assignment.Assignments;
import vn.urbanorder.assignment.RuleLevel;
import vn.urbanorder.assignment.Units;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.photo.InspectedPhoto;
import vn.urbanorder.photo.PhotoInspector;
import vn.urbanorder.photo.Photos;
import vn.urbanorder.photo.UploadedPhoto;
import vn.urbanorder.report.Lifecycle;
import vn.urbanorder.report.LocationMatching;
import vn.urbanorder.report.NewEvent;
import vn.urbanorder.report.Report;
import vn.urbanorder.report.ReportAction;
import vn.urbanorder.report.ReportFlag;
import vn.urbanorder.report.ReportQueries;
import vn.urbanorder.report.ReportStatus;
import vn.urbanorder.shared.InvalidRequestException;
import vn.urbanorder.shared.InvalidRequestException.FieldProblem;
import vn.urbanorder.shared.ProblemException;
import vn.urbanorder.ward.Ward;
import vn.urbanorder.ward.WardDirectory;

/**
 * Takes a workflow action on a report: checks who asks, from which status and at which version,
 * then changes the report and appends the event in one transaction. Refusals come in the order a
 * client can act on: 404 (not in your ward), 403 (not yours to do), 412/409 (you saw an older
 * version), 409 (not now, with what is allowed), 428 (say which version you saw), 422 (what you
 * sent is incomplete).
 */
@Service
public class Handling {

    /** How far from the report an after-photo may be taken, by its EXIF position. */
    static final int AFTER_PHOTO_RADIUS_M = 100;

    private final ReportQueries reports;
    private final ReportTransitions transitions;
    private final Units units;
    private final PhotoInspector inspector;
    private final Photos photos;
    private final NewDeadlines deadlines;
    private final WardDirectory wards;
    private final Assignments assignments;
    private final LocationMatching locations;
    private final TransactionalOperator transactions;
    private final Clock clock;

    Handling(
            ReportQueries reports,
            ReportTransitions transitions,
            Units units,
            PhotoInspector inspector,
            Photos photos,
            NewDeadlines deadlines,
            WardDirectory wards,
            Assignments assignments,
            LocationMatching locations,
            TransactionalOperator transactions,
            Clock clock) {
        this.reports = reports;
        this.transitions = transitions;
        this.units = units;
        this.inspector = inspector;
        this.photos = photos;
        this.deadlines = deadlines;
        this.wards = wards;
        this.assignments = assignments;
        this.locations = locations;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Mono<Report> act(Caller caller, UUID reportId, ActionRequest request) {
        return act(caller, reportId, request, List.of());
    }

    /**
     * An action with photos: RESOLVE's after-photos, judged like intake's and each taken within
     * {@link #AFTER_PHOTO_RADIUS_M} of the report when its EXIF says where. Files are stored
     * before the transaction and removed again if it does not commit.
     */
    public Mono<Report> act(Caller caller, UUID reportId, ActionRequest request, List<UploadedPhoto> photoFiles) {
        return reports.findInWard(caller, reportId).flatMap(report -> check(caller, report, request, photoFiles.size())
                .then(inspected(caller, report, photoFiles))
                .flatMap(after -> photos.stageAndRun(
                        caller.wardId(),
                        after,
                        // Read back in the change's transaction: once it has committed, nothing
                        // is left to fail, so a change made is never answered with an error.
                        stored -> transactions.transactional(change(caller, report, request, stored)
                                .flatMap(applied -> applied
                                        ? reports.find(caller, reportId)
                                        : Mono.error(ActionChecks.stale(request)))))));
    }

    /** The after-photos as the server reads them; 422 for one taken too far from the report. */
    private Mono<List<InspectedPhoto>> inspected(Caller caller, Report report, List<UploadedPhoto> files) {
        if (files.isEmpty()) {
            return Mono.just(List.of());
        }
        return wards.findById(caller.wardId())
                .flatMap(ward -> inspector.inspect(files, ward.timeZone()))
                .flatMap(after -> {
                    List<FieldProblem> far = new ArrayList<>();
                    for (int i = 0; i < after.size(); i++) {
                        var gps = after.get(i).gps();
                        if (gps != null && gps.distanceTo(report.location().point()) > AFTER_PHOTO_RADIUS_M) {
                            far.add(new FieldProblem(
                                    "photos[" + i + "]",
                                    "Ảnh được chụp cách nơi vi phạm "
                                            + Math.round(gps.distanceTo(
                                                    report.location().point()))
                                            + " m; ảnh sau xử lý phải chụp trong vòng " + AFTER_PHOTO_RADIUS_M
                                            + " m."));
                        }
                    }
                    return far.isEmpty() ? Mono.just(after) : Mono.error(new InvalidRequestException(far));
                });
    }

    private Mono<Void> check(Caller caller, Report report, ActionRequest request, int photoCount) {
        var refusal = ActionChecks.refusal(caller, report, request, photoCount);
        if (refusal.isPresent()) {
            return Mono.error(refusal.get());
        }
        return switch (request.action()) {
            case REASSIGN ->
                units.find(caller, Objects.requireNonNull(request.unitId(), "checked above"))
                        .onErrorMap(
                                ProblemException.class,
                                missing -> InvalidRequestException.of("unitId", "Không có đơn vị này trong phường."))
                        .flatMap(unit -> unit.active()
                                ? Mono.empty()
                                : Mono.error(InvalidRequestException.of("unitId", "Đơn vị này đã ngừng hoạt động.")));
            case REJECT ->
                request.duplicateOf() == null
                        ? Mono.empty()
                        : reports.findInWard(caller, request.duplicateOf())
                                .onErrorMap(
                                        ProblemException.class,
                                        missing -> InvalidRequestException.of(
                                                "duplicateOf", "Không có phản ánh này trong phường."))
                                .then();
            default -> Mono.empty();
        };
    }

    private Mono<Boolean> change(Caller caller, Report report, ActionRequest request, List<InspectedPhoto> after) {
        ReportAction action = request.action();
        Instant now = clock.instant();
        return wards.findById(caller.wardId())
                .flatMap(ward -> outcome(ward, report, request, now))
                .flatMap(outcome -> {
                    ReportStatus to = outcome.to();
                    var data = new LinkedHashMap<String, Object>();
                    data.put("unitId", outcome.unitId());
                    data.put("reason", action == ReportAction.REJECT ? request.reason() : null);
                    data.put("duplicateOf", action == ReportAction.REJECT ? request.duplicateOf() : null);
                    data.put("dueAt", outcome.dueAt());
                    data.put(
                            "rule",
                            outcome.rule() == null ? null : outcome.rule().name());
                    data.put(
                            "addedFlag",
                            outcome.addedFlag() == null
                                    ? null
                                    : outcome.addedFlag().name());
                    data.put(
                            "photos",
                            after.isEmpty()
                                    ? null
                                    : after.stream().map(InspectedPhoto::sha256).toList());
                    data.put(
                            "fromUnitId",
                            action == ReportAction.REASSIGN
                                            && report.assignment().unit() != null
                                    ? report.assignment().unit().id()
                                    : null);
                    var event = new NewEvent(
                            now,
                            caller.userId(),
                            action.name(),
                            report.status(),
                            to,
                            blankToNull(request.note()),
                            NewEvent.data(data));
                    var seen = Transition.Seen.of(report);
                    Transition change =
                            switch (action) {
                                case ACCEPT, VERIFY -> Transition.move(seen, to, event);
                                case RESOLVE -> Transition.resolve(seen, now, event);
                                case REJECT -> Transition.reject(seen, request.reason(), request.duplicateOf(), event);
                                case REOPEN -> Transition.reopen(seen, outcome.dueAt(), event);
                                case REASSIGN -> Transition.reassign(seen, outcome.unitId(), outcome.dueAt(), event);
                                case UNDUPLICATE ->
                                    Transition.unduplicate(
                                            seen,
                                            to,
                                            outcome.unitId(),
                                            outcome.rule(),
                                            outcome.dueAt(),
                                            outcome.addedFlag(),
                                            event);
                            };
                    return transitions.apply(caller.wardId(), change, after);
                });
    }

    /**
     * Where the action leaves the report. REASSIGN and REOPEN start a new deadline (shortened for a
     * repeat offence); UNDUPLICATE sends the report to assignment as intake would, and makes it a
     * repeat offence if a report at its location was cleared before it was observed.
     */
    private Mono<Outcome> outcome(Ward ward, Report report, ActionRequest request, Instant now) {
        ReportAction action = request.action();
        return switch (action) {
            case REASSIGN, REOPEN ->
                deadlines
                        .due(ward, report, now, report.flags().contains(ReportFlag.REPEAT_OFFENCE))
                        .map(due -> new Outcome(
                                Lifecycle.target(action),
                                action == ReportAction.REASSIGN ? request.unitId() : null,
                                action == ReportAction.REASSIGN ? RuleLevel.MANUAL : null,
                                due,
                                null));
            case UNDUPLICATE -> {
                Mono<Boolean> repeat = report.violationLocation() == null
                        ? Mono.just(false)
                        : locations.repeatOffenceAt(report.violationLocation().id(), report.observedAt());
                yield Mono.zip(
                                assignments.decide(
                                        ward.id(),
                                        report.category(),
                                        report.location().point()),
                                repeat)
                        .flatMap(decided -> {
                            Assignment assignment = decided.getT1();
                            boolean isRepeat = decided.getT2();
                            ReportFlag flag = isRepeat ? ReportFlag.REPEAT_OFFENCE : null;
                            Assignment.UnitRef unit = assignment.unit();
                            if (unit == null) {
                                return Mono.just(new Outcome(ReportStatus.UNASSIGNED, null, null, null, flag));
                            }
                            return deadlines
                                    .due(ward, report, now, isRepeat)
                                    .map(due -> new Outcome(
                                            ReportStatus.ASSIGNED, unit.id(), assignment.rule(), due, flag));
                        });
            }
            default -> Mono.just(new Outcome(Lifecycle.target(action), null, null, null, null));
        };
    }

    /** @param unitId the new unit, or null to keep it; @param dueAt the new deadline, or null to keep it */
    private record Outcome(
            ReportStatus to,
            @Nullable UUID unitId,
            @Nullable RuleLevel rule,
            @Nullable Instant dueAt,
            @Nullable ReportFlag addedFlag) {}

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
