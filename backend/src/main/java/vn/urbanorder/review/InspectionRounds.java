package vn.urbanorder.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.urbanorder.assignment.Zone;
import vn.urbanorder.assignment.Zones;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.identity.Role;
import vn.urbanorder.report.InspectionRoundCheck;
import vn.urbanorder.shared.InvalidRequestException;
import vn.urbanorder.shared.InvalidRequestException.FieldProblem;
import vn.urbanorder.shared.ProblemException;
import vn.urbanorder.shared.RandomIds;
import vn.urbanorder.ward.Ward;

/**
 * Inspection rounds: created by inspectors and ward admins, read by everyone of the ward, and the
 * judge of whether a report may be submitted on one (it must be open today and the submitter
 * one of its members).
 */
@Service
public class InspectionRounds implements InspectionRoundCheck {

    static final int LIST_LIMIT = 200;

    private final InspectionRoundStore store;
    private final Zones zones;
    private final Clock clock;

    InspectionRounds(InspectionRoundStore store, Zones zones, Clock clock) {
        this.store = store;
        this.zones = zones;
        this.clock = clock;
    }

    /** A round with what it found so far; 404 for another ward's. */
    public Mono<Detail> find(Caller caller, UUID id) {
        return store.find(caller.wardId(), id)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Không có đợt kiểm tra này.")))
                .zipWhen(round -> store.found(round.id()).collectList(), Detail::new);
    }

    public Mono<List<InspectionRound>> list(Caller caller) {
        return store.list(caller.wardId(), LIST_LIMIT).collectList();
    }

    /**
     * Records a round. Title 1–200 characters, a last day not before the first, zones of the
     * ward's current map, members who are active patrols or inspectors of the ward; a 422 lists
     * every broken field. 403 for anyone but inspectors and ward admins.
     */
    public Mono<Detail> create(
            Caller caller,
            String title,
            LocalDate startedOn,
            LocalDate endedOn,
            List<String> zoneCodes,
            List<UUID> memberIds,
            String notes) {
        if (!caller.has(Role.INSPECTOR) && !caller.has(Role.WARD_ADMIN)) {
            return Mono.error(ProblemException.forbidden("Chỉ cán bộ giám sát hoặc quản trị phường lập đợt kiểm tra."));
        }
        List<String> codes = zoneCodes == null ? List.of() : zoneCodes;
        List<UUID> members = memberIds == null ? List.of() : memberIds;
        return Mono.zip(
                        zones.at(caller, null),
                        members.isEmpty()
                                ? Mono.just(List.<UUID>of())
                                : store.walkers(caller.wardId(), members).collectList())
                .flatMap(known -> {
                    List<FieldProblem> problems = new ArrayList<>();
                    if (title == null || title.isBlank() || title.strip().length() > 200) {
                        problems.add(new FieldProblem("title", "Tên đợt kiểm tra từ 1 đến 200 ký tự."));
                    }
                    if (startedOn == null) {
                        problems.add(new FieldProblem("startedOn", "Cần ngày bắt đầu."));
                    }
                    if (endedOn == null || (startedOn != null && endedOn.isBefore(startedOn))) {
                        problems.add(new FieldProblem("endedOn", "Ngày kết thúc không được trước ngày bắt đầu."));
                    }
                    if (notes != null && notes.length() > 2000) {
                        problems.add(new FieldProblem("notes", "Ghi chú tối đa 2000 ký tự."));
                    }
                    Set<String> current =
                            new HashSet<>(known.getT1().stream().map(Zone::code).toList());
                    for (int i = 0; i < codes.size(); i++) {
                        if (!current.contains(codes.get(i))) {
                            problems.add(new FieldProblem(
                                    "zoneCodes[" + i + "]", "Không có tổ, tuyến này trên bản đồ phường."));
                        }
                    }
                    for (int i = 0; i < members.size(); i++) {
                        if (!known.getT2().contains(members.get(i))) {
                            problems.add(new FieldProblem(
                                    "memberIds[" + i + "]",
                                    "Không phải tuần tra viên hay cán bộ giám sát của phường."));
                        }
                    }
                    if (!problems.isEmpty()) {
                        return Mono.error(new InvalidRequestException(problems));
                    }
                    var round = new InspectionRound(
                            RandomIds.uuid(),
                            title.strip(),
                            startedOn,
                            endedOn,
                            codes.stream().distinct().toList(),
                            members.stream().distinct().toList(),
                            notes == null || notes.isBlank() ? null : notes.strip(),
                            caller.userId(),
                            clock.instant());
                    return store.insert(caller.wardId(), round).then(find(caller, round.id()));
                });
    }

    /**
     * A report belongs to a round when it was observed on one of the round's days (in the ward's
     * calendar), whenever it arrives: a phone offline on the last evening delivers it the next
     * morning. One observed outside them, on a round over or not begun, is refused.
     */
    @Override
    public Mono<Optional<String>> refusal(Caller caller, Ward ward, UUID roundId, Instant observedAt) {
        LocalDate observedOn = observedAt.atZone(ward.timeZone()).toLocalDate();
        return store.find(ward.id(), roundId)
                .map(round -> {
                    if (!round.openOn(observedOn)) {
                        return Optional.of("Đợt kiểm tra này chỉ nhận phản ánh quan sát từ " + round.startedOn()
                                + " đến " + round.endedOn() + ".");
                    }
                    if (!round.memberIds().contains(caller.userId())) {
                        return Optional.of("Bạn không phải thành viên của đợt kiểm tra này.");
                    }
                    return Optional.<String>empty();
                })
                .defaultIfEmpty(Optional.of("Không có đợt kiểm tra này."));
    }

    /** A round and what it found, per category. */
    public record Detail(InspectionRound round, List<InspectionRound.Found> found) {}
}
