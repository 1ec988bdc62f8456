package vn.urbanorder.console.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.model.UnitDto;
import vn.urbanorder.api.model.UnitScorecardDto;
import vn.urbanorder.console.ConsoleApi;

/** Every unit's scorecard for one period, side by side (the last 30 days unless a period is chosen). */
@Controller
class ScorecardPageController {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** A unit and how it did. */
    record Row(UnitDto unit, UnitScorecardDto card) {}

    private final ConsoleApi api;
    private final InspectorLists lists;

    ScorecardPageController(ConsoleApi api, InspectorLists lists) {
        this.api = api;
        this.lists = lists;
    }

    @GetMapping("/console/scorecards")
    Mono<Rendering> scorecards(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        LocalDate last = dateOr(to, LocalDate.now(VIETNAM));
        LocalDate first = dateOr(from, last.minusDays(29));
        // The API refuses a period that runs backwards or beyond 366 days (422: the error page says so).
        return InspectorAccess.inspectorOrAdmin()
                .flatMap(caller -> lists.units())
                .flatMap(units -> Flux.fromIterable(units)
                        .filter(UnitDto::getActive)
                        .flatMapSequential(
                                unit -> api.get(
                                                uri -> uri.path("/api/v1/units/{id}/scorecard")
                                                        .queryParam("from", first)
                                                        .queryParam("to", last)
                                                        .build(unit.getId()),
                                                UnitScorecardDto.class)
                                        .map(card -> new Row(unit, card)),
                                4)
                        .collectList())
                .map(rows -> Rendering.view("console/scorecards")
                        .modelAttribute("rows", (List<Row>) rows)
                        .modelAttribute("from", first.toString())
                        .modelAttribute("to", last.toString())
                        .build());
    }

    private static LocalDate dateOr(@Nullable String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException notADate) {
            return otherwise;
        }
    }
}
