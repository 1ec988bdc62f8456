package vn.urbanorder.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.report.Lifecycle;
import vn.urbanorder.report.Report;
import vn.urbanorder.report.ReportAction;
import vn.urbanorder.shared.InvalidRequestException;
import vn.urbanorder.shared.InvalidRequestException.FieldProblem;
import vn.urbanorder.shared.ProblemException;

/**
 * What {@link Handling} checks before it looks anything up: who asks, from which status, at which
 * version, and whether what they sent is complete. Apart from the lookups so that each refusal is
 * tested without a database.
 */
final class ActionChecks {

    static final List<String> REJECTION_REASONS = List.of("NOT_A_VIOLATION", "OUT_OF_AREA", "DUPLICATE", "OTHER");

    private ActionChecks() {}

    /** The first refusal the action meets, in the order a client can act on; empty when it may go on. */
    static Optional<RuntimeException> refusal(Caller caller, Report report, ActionRequest request, int photoCount) {
        ReportAction action = request.action();
        if (!Lifecycle.mayTake(caller, report, action)) {
            return Optional.of(
                    ProblemException.forbidden("Bạn không được làm thao tác " + action + " trên phản ánh này."));
        }
        // A version the caller saw that is no longer current explains any other refusal.
        if (request.expectedVersion() != null && report.version() != request.expectedVersion()) {
            return Optional.of(stale(request));
        }
        if (!Lifecycle.allowedFrom(action, report.status())) {
            return Optional.of(ProblemException.conflict(
                            "Phản ánh đang ở trạng thái " + report.status() + ", không thể " + action + ".")
                    .with(
                            "allowedActions",
                            Lifecycle.allowed(caller, report).stream()
                                    .map(Enum::name)
                                    .toList()));
        }
        if (request.expectedVersion() == null) {
            return Optional.of(
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
        return problems.isEmpty() ? Optional.empty() : Optional.of(new InvalidRequestException(problems));
    }

    /** 412 when the version came from {@code If-Match}, else 409. */
    static ProblemException stale(ActionRequest request) {
        String detail = "Phản ánh đã được người khác thay đổi; hãy tải lại rồi thử lại.";
        return request.versionFromHeader()
                ? ProblemException.preconditionFailed(detail)
                : ProblemException.conflict(detail);
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
}
