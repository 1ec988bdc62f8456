package vn.urbanorder.review;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.identity.Role;
import vn.urbanorder.photo.InspectedPhoto;
import vn.urbanorder.photo.PhotoInspector;
import vn.urbanorder.photo.Photos;
import vn.urbanorder.photo.UploadedPhoto;
import vn.urbanorder.report.Report;
import vn.urbanorder.report.ReportQueries;
import vn.urbanorder.shared.InvalidRequestException;
import vn.urbanorder.shared.InvalidRequestException.FieldProblem;
import vn.urbanorder.shared.ProblemException;
import vn.urbanorder.shared.RandomIds;
import vn.urbanorder.ward.Ward;
import vn.urbanorder.ward.WardDirectory;
import vn.urbanorder.workflow.ReviewMove;
import vn.urbanorder.workflow.ReviewMoves;

/**
 * An inspector's verdict on a report, recorded in the transaction in which the workflow moves the
 * report for it ({@link ReviewMoves}): CONFIRMED verifies a RESOLVED report, DISPUTED sends a
 * RESOLVED or VERIFIED one back to its unit with a new deadline, FOLLOW_UP flags any report for
 * the ward admin. Only inspectors review; a review is never changed afterwards.
 */
@Service
public class Reviews {

    static final int MAX_COMMENT = 2000;

    private final ReportQueries reports;
    private final ReviewMoves moves;
    private final ReviewStore store;
    private final PhotoInspector inspector;
    private final Photos photos;
    private final WardDirectory wards;
    private final TransactionalOperator transactions;
    private final Clock clock;

    Reviews(
            ReportQueries reports,
            ReviewMoves moves,
            ReviewStore store,
            PhotoInspector inspector,
            Photos photos,
            WardDirectory wards,
            TransactionalOperator transactions,
            Clock clock) {
        this.reports = reports;
        this.moves = moves;
        this.store = store;
        this.inspector = inspector;
        this.photos = photos;
        this.wards = wards;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The reviews of a report the caller may see, oldest first; 404 otherwise. */
    public Mono<List<Review>> of(Caller caller, UUID reportId) {
        return reports.find(caller, reportId)
                .flatMap(report -> store.of(report.id()).collectList());
    }

    /**
     * Records the review and moves the report. Refusals: 404 (not in the caller's ward), 403
     * (not an inspector), 409 (the verdict does not fit the report's status, or the report changed
     * meanwhile), 422 (a comment missing or too long). Photo files are stored before the
     * transaction and removed again if it does not commit; how many may come was checked when the
     * form arrived ({@code PhotoParts}).
     */
    public Mono<Review> review(
            Caller caller, UUID reportId, Verdict verdict, String comment, List<UploadedPhoto> photoFiles) {
        return reports.findInWard(caller, reportId).flatMap(report -> check(caller, report, verdict, comment)
                .then(wards.findById(caller.wardId()))
                .flatMap(ward -> inspector
                        .inspect(photoFiles, ward.timeZone())
                        .flatMap(inspected -> photos.stageAndRun(
                                ward.id(),
                                inspected,
                                stored -> record(caller, ward, report, verdict, comment, stored)))));
    }

    private Mono<Void> check(Caller caller, Report report, Verdict verdict, String comment) {
        if (!caller.has(Role.INSPECTOR)) {
            return Mono.error(ProblemException.forbidden("Chỉ cán bộ giám sát MTTQ được đánh giá kết quả xử lý."));
        }
        if (!verdict.move().allowedFrom(report.status())) {
            return Mono.error(ProblemException.conflict(
                    "Phản ánh đang ở trạng thái " + report.status() + ", không thể đánh giá " + verdict + "."));
        }
        List<FieldProblem> problems = new ArrayList<>();
        boolean noComment = comment == null || comment.isBlank();
        if (verdict != Verdict.CONFIRMED && noComment) {
            problems.add(new FieldProblem("comment", "Cần ghi nhận xét cho " + verdict + "."));
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            problems.add(new FieldProblem("comment", "Nhận xét tối đa " + MAX_COMMENT + " ký tự."));
        }
        return problems.isEmpty() ? Mono.empty() : Mono.error(new InvalidRequestException(problems));
    }

    private Mono<Review> record(
            Caller caller, Ward ward, Report report, Verdict verdict, String comment, List<InspectedPhoto> inspected) {
        Instant now = clock.instant();
        ReviewMove move = verdict.move();
        var review = new Review(
                RandomIds.uuid(),
                report.id(),
                caller.userId(),
                null,
                verdict,
                comment == null || comment.isBlank() ? null : comment.strip(),
                report.status().name(),
                move.target(report.status()).name(),
                inspected.stream().map(InspectedPhoto::sha256).toList(),
                now);
        var note = new ReviewMoves.Note(review.id(), verdict.name(), review.comment(), now);
        Mono<Review> applied = moves.move(caller, ward, report, move, note, inspected)
                .flatMap(done -> done
                        ? store.insert(caller.wardId(), review).then(store.find(review.id()))
                        : Mono.error(ProblemException.conflict(
                                "Phản ánh vừa được người khác thay đổi; hãy tải lại rồi đánh giá.")));
        return transactions.transactional(applied);
    }
}
