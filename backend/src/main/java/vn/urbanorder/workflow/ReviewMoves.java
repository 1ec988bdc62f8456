package vn.urbanorder.workflow;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.photo.InspectedPhoto;
import vn.urbanorder.photo.PhotoStage;
import vn.urbanorder.report.NewEvent;
import vn.urbanorder.report.Report;
import vn.urbanorder.report.ReportFlag;
import vn.urbanorder.report.ReportStatus;
import vn.urbanorder.ward.Ward;

/**
 * Moves a report on an inspector's review, as an action moves it: one transition, with a REVIEW
 * event in the report's trail. Reviews decide the move; the workflow makes it.
 */
@Service
public class ReviewMoves {

    private final ReportTransitions transitions;
    private final NewDeadlines deadlines;

    ReviewMoves(ReportTransitions transitions, NewDeadlines deadlines) {
        this.transitions = transitions;
        this.deadlines = deadlines;
    }

    /**
     * In the caller's transaction, with the review's photos (files already stored): true when the
     * report moved, false when it had moved on since it was read. A report sent back gets a new
     * deadline, shortened for a repeat offence as at intake.
     */
    public Mono<Boolean> move(
            Caller caller, Ward ward, Report report, ReviewMove move, Note note, List<InspectedPhoto> photos) {
        ReportStatus to = move.target(report.status());
        Mono<Instant> due = move == ReviewMove.SEND_BACK
                ? deadlines.due(ward, report, note.at(), report.flags().contains(ReportFlag.REPEAT_OFFENCE))
                : Mono.empty();
        return due.map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(dueAt -> {
            var data = new LinkedHashMap<String, Object>();
            data.put("reviewId", note.reviewId());
            data.put("verdict", note.verdict());
            data.put("dueAt", dueAt.orElse(null));
            data.put(
                    "photos",
                    photos.isEmpty()
                            ? null
                            : photos.stream().map(InspectedPhoto::sha256).toList());
            var event = new NewEvent(
                    note.at(), caller.userId(), "REVIEW", report.status(), to, note.comment(), NewEvent.data(data));
            var seen = Transition.Seen.of(report);
            var change =
                    switch (move) {
                        case VERIFY -> Transition.move(seen, to, event);
                        case SEND_BACK -> Transition.reopen(seen, dueAt.orElse(null), event);
                        case FLAG_FOLLOW_UP -> Transition.flag(seen, ReportFlag.FOLLOW_UP, event);
                    };
            return transitions.apply(caller.wardId(), change, photos, PhotoStage.REVIEW);
        });
    }

    /**
     * The review as the report's trail names it.
     *
     * @param verdict the reviewer's verdict, as the review feature names it
     * @param comment the reviewer's comment, or null
     */
    public record Note(
            UUID reviewId, String verdict, @Nullable String comment, Instant at) {}
}
