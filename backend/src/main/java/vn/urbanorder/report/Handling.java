package vn.urbanorder.report;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import vn.urbanorder.assignment.Assignment;
import vn.urbanorder.assignment.Assignments;
import vn.urbanorder.assignment.RuleLevel;
import vn.urbanorder.assignment.Units;
import vn.urbanorder.deadline.Deadlines;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.photo.InspectedPhoto;
import vn.urbanorder.photo.PhotoInspector;
import vn.urbanorder.photo.Photos;
import vn.urbanorder.photo.StagedPhotos;
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

    static final List<String> REJECTION_REASONS = List.of("NOT_A_VIOLATION", "OUT_OF_AREA", "DUPLICATE", "OTHER");

    private final ReportQueries reports;
    private final ReportTransitions transitions;
    private final Units units;
    private final PhotoInspector inspector;
    private final Photos photos;
    private final Deadlines deadlines;
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
            Deadlines deadlines,
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
    public Mono<Report> act(Caller caller, UUID reportId, ActionRequest request, List<byte[]> photoFiles) {
        return reports.findInWard(caller, reportId).flatMap(report -> check(caller, report, request, photoFiles.size())
                .then(inspected(caller, report, photoFiles))
                .flatMap(after -> withFiles(
                        caller.wardId(),
                        after,
                        // Read back in the change's transaction: once it has committed, nothing
                        // is left to fail, so a change made is never answered with an error.
                        transactions.transactional(change(caller, report, request, after)
                                .flatMap(applied ->
                                        applied ? reports.find(caller, reportId) : Mono.error(stale(request)))))));
    }

    /** The after-photos as the server reads them; 422 for one taken too far from the report. */
    private Mono<List<InspectedPhoto>> inspected(Caller caller, Report report, List<byte[]> files) {
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

    /**
     * Fields the action does not take are refused, not ignored: what an action carries goes into
     * the permanent audit trail, and a client that sends them expects them to mean something.
     */
    private static List<FieldProblem> fieldsNotTaken(ActionRequest request) {
        ReportAction action = request.action();
        List<FieldProblem> problems = new ArrayList<>();
        if (request.duplicateOf() != null && !(action == ReportAction.REJECT && "DUPLICATE".equals(request.reason()))) {
            problems.add(
                    new FieldProblem("duplicateOf", "Chỉ dùng khi từ chối vì trùng (REJECT với lý do DUPLICATE)."));
        }
        if (request.unitId() != null && action != ReportAction.REASSIGN) {
            problems.add(new FieldProblem("unitId", "Chỉ dùng với thao tác REASSIGN."));
        }
        if (request.reason() != null && action != ReportAction.REJECT) {
            problems.add(new FieldProblem("reason", "Chỉ dùng với thao tác REJECT."));
        }
        return problems;
    }

    /** Stores the files, runs the change, and removes what it stored if the change fails or is abandoned. */
    private <T> Mono<T> withFiles(UUID wardId, List<InspectedPhoto> after, Mono<T> change) {
        if (after.isEmpty()) {
            return change;
        }
        StagedPhotos staged = photos.stage(wardId, after);
        return photos.store(staged)
                .then(change)
                .onErrorResume(failure -> photos.forget(staged).then(Mono.error(failure)))
                .doOnCancel(() -> photos.forget(staged).subscribe());
    }

    private Mono<Void> check(Caller caller, Report report, ActionRequest request, int photoCount) {
        ReportAction action = request.action();
        if (!Lifecycle.mayTake(caller, report, action)) {
            return Mono.error(
                    ProblemException.forbidden("Bạn không được làm thao tác " + action + " trên phản ánh này."));
        }
        // A version the caller saw that is no longer current explains any other refusal.
        if (request.expectedVersion() != null && report.version() != request.expectedVersion()) {
            return Mono.error(stale(request));
        }
        if (!Lifecycle.allowedFrom(action, report.status())) {
            return Mono.error(ProblemException.conflict(
                            "Phản ánh đang ở trạng thái " + report.status() + ", không thể " + action + ".")
                    .with(
                            "allowedActions",
                            Lifecycle.allowed(caller, report).stream()
                                    .map(Enum::name)
                                    .toList()));
        }
        if (request.expectedVersion() == null) {
            return Mono.error(
                    ProblemException.preconditionRequired(
                            "Hãy gửi phiên bản của phản ánh (If-Match hoặc expectedVersion) để tránh ghi đè thay đổi của người khác."));
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (photoCount > 0 && action != ReportAction.RESOLVE) {
            problems.add(new FieldProblem("photos", "Chỉ gửi ảnh kèm thao tác RESOLVE."));
        }
        problems.addAll(fieldsNotTaken(request));
        boolean noNote = request.note() == null || request.note().isBlank();
        switch (action) {
            case RESOLVE -> {
                if (noNote) {
                    problems.add(new FieldProblem("note", "Cần ghi kết quả xử lý."));
                }
                if (photoCount == 0) {
                    problems.add(
                            new FieldProblem("photos", "Cần ít nhất một ảnh sau xử lý, gửi dạng multipart/form-data."));
                }
            }
            case REJECT -> {
                if (noNote) {
                    problems.add(new FieldProblem("note", "Cần ghi lý do từ chối."));
                }
                if (request.reason() == null || !REJECTION_REASONS.contains(request.reason())) {
                    problems.add(new FieldProblem("reason", "Phải là một trong " + REJECTION_REASONS + "."));
                } else if ("DUPLICATE".equals(request.reason()) && request.duplicateOf() == null) {
                    problems.add(new FieldProblem("duplicateOf", "Cần nêu phản ánh bị trùng."));
                } else if (report.id().equals(request.duplicateOf())) {
                    problems.add(new FieldProblem("duplicateOf", "Phản ánh không thể trùng với chính nó."));
                }
            }
            case REASSIGN -> {
                if (noNote) {
                    problems.add(new FieldProblem("note", "Cần ghi lý do chuyển đơn vị."));
                }
                if (request.unitId() == null) {
                    problems.add(new FieldProblem("unitId", "Cần chọn đơn vị nhận."));
                }
            }
            default -> {}
        }
        if (!problems.isEmpty()) {
            return Mono.error(new InvalidRequestException(problems));
        }
        return switch (action) {
            case REASSIGN ->
                units.find(caller, request.unitId())
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
                    return transitions.apply(
                            caller.wardId(),
                            new Transition(
                                    report.id(),
                                    report.version(),
                                    report.status(),
                                    to,
                                    outcome.unitId(),
                                    outcome.dueAt(),
                                    action == ReportAction.RESOLVE ? now : null,
                                    action == ReportAction.REJECT ? request.reason() : null,
                                    action == ReportAction.REJECT ? request.duplicateOf() : null,
                                    outcome.rule(),
                                    outcome.addedFlag(),
                                    report.violationLocation() == null
                                            ? null
                                            : report.violationLocation().id(),
                                    report.category(),
                                    event),
                            after);
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
                due(ward, report, now, report.flags().contains(ReportFlag.REPEAT_OFFENCE))
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
                            if (!assignment.assigned()) {
                                return Mono.just(new Outcome(ReportStatus.UNASSIGNED, null, null, null, flag));
                            }
                            return due(ward, report, now, isRepeat)
                                    .map(due -> new Outcome(
                                            ReportStatus.ASSIGNED,
                                            assignment.unit().id(),
                                            assignment.rule(),
                                            due,
                                            flag));
                        });
            }
            default -> Mono.just(new Outcome(Lifecycle.target(action), null, null, null, null));
        };
    }

    private Mono<Instant> due(Ward ward, Report report, Instant now, boolean repeat) {
        Mono<Double> factor = repeat ? locations.repeatDeadlineFactor(ward.id(), report.category()) : Mono.just(1.0);
        return factor.flatMap(times -> deadlines.due(ward.id(), ward.timeZone(), report.category(), now, times));
    }

    /** @param unitId the new unit, or null to keep it; @param dueAt the new deadline, or null to keep it */
    private record Outcome(ReportStatus to, UUID unitId, RuleLevel rule, Instant dueAt, ReportFlag addedFlag) {}

    private static ProblemException stale(ActionRequest request) {
        String detail = "Phản ánh đã được người khác thay đổi; hãy tải lại rồi thử lại.";
        return request.versionFromHeader()
                ? ProblemException.preconditionFailed(detail)
                : ProblemException.conflict(detail);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
