package vn.urbanorder.review.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.InspectionRoundsApi;
import vn.urbanorder.api.model.InspectionRoundDetailDto;
import vn.urbanorder.api.model.InspectionRoundDto;
import vn.urbanorder.api.model.InspectionRoundListDto;
import vn.urbanorder.api.model.NewInspectionRoundDto;
import vn.urbanorder.api.model.RoundFindingDto;
import vn.urbanorder.api.model.RoundTotalsDto;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.review.InspectionRound;
import vn.urbanorder.review.InspectionRounds;
import vn.urbanorder.ward.WardDirectory;

@RestController
class InspectionRoundsController implements InspectionRoundsApi {

    private final InspectionRounds rounds;
    private final WardDirectory wards;
    private final java.time.Clock clock;

    InspectionRoundsController(InspectionRounds rounds, WardDirectory wards, java.time.Clock clock) {
        this.rounds = rounds;
        this.wards = wards;
        this.clock = clock;
    }

    @Override
    public Mono<ResponseEntity<InspectionRoundDetailDto>> createInspectionRound(
            Mono<NewInspectionRoundDto> body, ServerWebExchange exchange) {
        return Caller.current().zipWith(body).flatMap(sent -> {
            Caller caller = sent.getT1();
            NewInspectionRoundDto round = sent.getT2();
            return rounds.create(
                            caller,
                            round.getTitle(),
                            round.getStartedOn(),
                            round.getEndedOn(),
                            round.getZoneCodes(),
                            round.getMemberIds(),
                            round.getNotes())
                    .flatMap(created -> detail(caller, created))
                    .map(detail -> ResponseEntity.created(URI.create("/api/v1/inspection-rounds/"
                                    + detail.getRound().getId()))
                            .contentType(MediaType.APPLICATION_JSON)
                            .body(detail));
        });
    }

    @Override
    public Mono<ResponseEntity<InspectionRoundDetailDto>> getInspectionRound(UUID id, ServerWebExchange exchange) {
        return Caller.current()
                .flatMap(caller -> rounds.find(caller, id).flatMap(found -> detail(caller, found)))
                .map(detail -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(detail));
    }

    @Override
    public Mono<ResponseEntity<InspectionRoundListDto>> listInspectionRounds(ServerWebExchange exchange) {
        return Caller.current().flatMap(caller -> today(caller)
                .flatMap(today -> rounds.list(caller).map(found -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(new InspectionRoundListDto()
                                .items(found.stream()
                                        .map(round -> toApi(round, today))
                                        .toList())))));
    }

    private Mono<InspectionRoundDetailDto> detail(Caller caller, InspectionRounds.Detail detail) {
        return today(caller).map(today -> new InspectionRoundDetailDto()
                .round(toApi(detail.round(), today))
                .found(detail.found().stream()
                        .map(found -> new RoundFindingDto()
                                .category(found.category())
                                .reports(found.reports())
                                .repeatPoints(found.repeatPoints())
                                .resolved(found.resolved()))
                        .toList())
                .totals(new RoundTotalsDto()
                        .reports(detail.found().stream()
                                .mapToLong(InspectionRound.Found::reports)
                                .sum())
                        .repeatPoints(detail.found().stream()
                                .mapToLong(InspectionRound.Found::repeatPoints)
                                .sum())
                        .resolved(detail.found().stream()
                                .mapToLong(InspectionRound.Found::resolved)
                                .sum())));
    }

    /** Today in the caller's ward's calendar, for whether a round is open. */
    private Mono<LocalDate> today(Caller caller) {
        return wards.findById(caller.wardId())
                .map(ward -> clock.instant().atZone(ward.timeZone()).toLocalDate());
    }

    private static InspectionRoundDto toApi(InspectionRound round, LocalDate today) {
        return new InspectionRoundDto()
                .id(round.id())
                .title(round.title())
                .startedOn(round.startedOn())
                .endedOn(round.endedOn())
                .zoneCodes(round.zoneCodes())
                .memberIds(round.memberIds())
                .notes(round.notes())
                .createdBy(round.createdBy())
                .createdAt(round.createdAt().atOffset(ZoneOffset.UTC))
                .open(round.openOn(today));
    }
}
