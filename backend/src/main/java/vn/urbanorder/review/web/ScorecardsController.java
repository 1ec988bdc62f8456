package vn.urbanorder.review.web;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.ScorecardsApi;
import vn.urbanorder.api.model.UnitScorecardDto;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.review.UnitScorecards;
import vn.urbanorder.shared.CalendarBounds;

@RestController
class ScorecardsController implements ScorecardsApi {

    private final UnitScorecards scorecards;

    ScorecardsController(UnitScorecards scorecards) {
        this.scorecards = scorecards;
    }

    @Override
    public Mono<ResponseEntity<UnitScorecardDto>> unitScorecard(
            UUID id, @Nullable LocalDate from, @Nullable LocalDate to, ServerWebExchange exchange) {
        CalendarBounds.check("from", from);
        CalendarBounds.check("to", to);
        return Caller.current()
                .flatMap(caller -> scorecards.of(caller, id, from, to))
                .map(card -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(new UnitScorecardDto()
                                .unitId(card.unitId())
                                .from(card.from())
                                .to(card.to())
                                .assigned(card.assigned())
                                .resolved(card.resolved())
                                .onTimePercent(card.onTimePercent())
                                .medianHoursToResolve(card.medianHoursToResolve())
                                .reviewed(card.reviewed())
                                .confirmedAtFirstReviewPercent(card.confirmedAtFirstReviewPercent())
                                .disputedPercent(card.disputedPercent())));
    }
}
