package vn.urbanorder.report;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.urbanorder.category.Category;
import vn.urbanorder.category.CategoryCatalog;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.identity.Role;
import vn.urbanorder.photo.InspectedPhoto;
import vn.urbanorder.photo.PhotosProperties;
import vn.urbanorder.shared.InvalidRequestException;
import vn.urbanorder.shared.ProblemException;
import vn.urbanorder.ward.Ward;
import vn.urbanorder.ward.WardDirectory;

/**
 * What a submission must satisfy beyond its shape: a known category and subtype, a point in the
 * ward, a believable observation time, an inspection round whose days the observation falls in
 * and which has the submitter among its members. Every broken rule is reported at once, so the officer can fix them all in
 * one go. Inspectors submit reports only on a round.
 */
@Component
class ReportRules {

    private final WardDirectory wards;
    private final CategoryCatalog categories;
    private final Clock clock;
    private final ReportsProperties properties;
    private final PhotosProperties photoLimits;
    private final InspectionRoundCheck rounds;

    ReportRules(
            WardDirectory wards,
            CategoryCatalog categories,
            Clock clock,
            ReportsProperties properties,
            PhotosProperties photoLimits,
            InspectionRoundCheck rounds) {
        this.rounds = rounds;
        this.wards = wards;
        this.categories = categories;
        this.clock = clock;
        this.properties = properties;
        this.photoLimits = photoLimits;
    }

    /** The caller's ward. */
    Mono<Ward> wardOf(Caller caller) {
        return wards.findById(caller.wardId())
                .switchIfEmpty(
                        Mono.error(() -> new IllegalStateException("The caller's ward is gone: " + caller.wardId())));
    }

    /** Completes when the submission keeps every rule; a 422 listing each broken one otherwise. */
    Mono<Void> check(Caller caller, Ward ward, ReportSubmission submission) {
        if (!caller.has(Role.PATROL) && submission.inspectionRoundId() == null) {
            return Mono.error(ProblemException.forbidden(
                    "Cán bộ giám sát chỉ gửi phản ánh trong một đợt kiểm tra (inspectionRoundId)."));
        }
        Mono<Optional<String>> round = submission.inspectionRoundId() == null
                ? Mono.just(Optional.empty())
                : rounds.refusal(
                        caller,
                        ward,
                        submission.inspectionRoundId(),
                        submission.observedAt().toInstant());
        return Mono.zip(categories.findAll().collectList(), round).flatMap(checked -> {
            List<Category> known = checked.getT1();
            List<InvalidRequestException.FieldProblem> problems = new ArrayList<>();
            checkCategory(submission, known, problems);
            if (!ward.serves(
                    submission.location().point(), submission.observedAt().toInstant())) {
                problems.add(problem("location", "Vị trí nằm ngoài địa bàn " + ward.name() + "."));
            }
            checkObservedAt(submission, problems);
            checked.getT2().ifPresent(refusal -> problems.add(problem("inspectionRoundId", refusal)));
            return problems.isEmpty() ? Mono.<Void>empty() : Mono.error(new InvalidRequestException(problems));
        });
    }

    Set<ReportFlag> flags(ReportSubmission submission, List<InspectedPhoto> photos) {
        Set<ReportFlag> flags = EnumSet.noneOf(ReportFlag.class);
        Double accuracy = submission.location().accuracyM();
        if (accuracy != null && accuracy > properties.lowAccuracyM()) {
            flags.add(ReportFlag.LOW_ACCURACY);
        }
        boolean farAway = photos.stream()
                .anyMatch(photo -> photo.gps() != null
                        && photo.gps().distanceTo(submission.location().point()) > photoLimits.mismatchDistanceM());
        if (farAway) {
            flags.add(ReportFlag.PHOTO_LOCATION_MISMATCH);
        }
        return flags;
    }

    private static void checkCategory(
            ReportSubmission submission, List<Category> known, List<InvalidRequestException.FieldProblem> problems) {
        var category = known.stream()
                .filter(candidate -> candidate.code().equals(submission.category()))
                .findFirst();
        if (category.isEmpty()) {
            problems.add(problem("category", "Không có lĩnh vực vi phạm này."));
        } else if (submission.subtype() != null && !category.get().hasSubtype(submission.subtype())) {
            problems.add(problem("subtype", "Lĩnh vực " + category.get().name() + " không có loại vi phạm này."));
        }
    }

    private void checkObservedAt(ReportSubmission submission, List<InvalidRequestException.FieldProblem> problems) {
        Instant observed = submission.observedAt().toInstant();
        Instant now = clock.instant();
        if (observed.isAfter(now.plus(properties.maxClockAhead()))) {
            problems.add(problem("observedAt", "Thời điểm ghi nhận ở tương lai; hãy kiểm tra đồng hồ của máy."));
        } else if (observed.isBefore(now.minus(properties.maxAge()))) {
            problems.add(problem(
                    "observedAt",
                    "Thời điểm ghi nhận cũ hơn " + properties.maxAge().toDays() + " ngày."));
        }
    }

    private static InvalidRequestException.FieldProblem problem(String field, String message) {
        return new InvalidRequestException.FieldProblem(field, message);
    }
}
