package vn.urbanorder.console.web.province;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.model.ProvinceRankedWardDto;
import vn.urbanorder.api.model.ProvinceStatisticsDto;
import vn.urbanorder.api.model.ProvinceWardFiguresDto;
import vn.urbanorder.api.model.ReportCountsDto;
import vn.urbanorder.console.ApiProblem;
import vn.urbanorder.console.ConsoleApi;
import vn.urbanorder.console.web.figures.FiguresPeriod;
import vn.urbanorder.console.web.figures.Numbers;
import vn.urbanorder.console.web.figures.PeriodPicker;

/**
 * A province officer's home: the province's figures for a month, quarter, half year or year (the
 * last whole month unless another is chosen). The summary sentence, every ward's line with the
 * province's total, ranked by on-time rate or by code, the wards on a map coloured by their
 * on-time rate, and the files (XLSX, CSV) streamed from the API. Nothing is counted here.
 */
@Controller
class ProvinceFiguresController {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Set<String> FORMATS = Set.of("xlsx", "csv");

    private final ConsoleApi api;
    private final PeriodPicker picker;
    private final Clock clock;

    ProvinceFiguresController(ConsoleApi api, PeriodPicker picker, Clock clock) {
        this.api = api;
        this.picker = picker;
        this.clock = clock;
    }

    @GetMapping("/console/province")
    Mono<Rendering> figures(
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable String order) {
        LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
        FiguresPeriod parsed = FiguresPeriod.parse(period);
        FiguresPeriod chosen = parsed == null ? FiguresPeriod.lastWholeMonth(today) : parsed;
        boolean byCode = "code".equals(order);
        return ProvinceAccess.officer()
                .then(api.get(uri -> ProvincePeriods.figures(uri, chosen), ProvinceStatisticsDto.class))
                .map(figures -> Rendering.view("console/province/figures")
                        .modelAttribute("figures", figures)
                        .modelAttribute("rows", rows(figures, byCode))
                        .modelAttribute("total", total(figures))
                        .modelAttribute("order", byCode ? "code" : "rank")
                        .modelAttribute("chosen", chosen.code())
                        .modelAttribute("choices", picker.choices(today, chosen))
                        .modelAttribute("previousPeriod", chosen.previous().code())
                        .modelAttribute(
                                "nextPeriod",
                                chosen.next().begunBy(today) ? chosen.next().code() : "")
                        .build());
    }

    /** The period's file from the API, streamed through with its name; a busy API's 503 comes through. */
    @GetMapping("/console/province/download")
    @ResponseBody
    Mono<ResponseEntity<Flux<DataBuffer>>> download(
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable String format) {
        FiguresPeriod chosen = FiguresPeriod.parse(period);
        return ProvinceAccess.officer().flatMap(officer -> {
            if (chosen == null || format == null || !FORMATS.contains(format)) {
                return Mono.error(new ApiProblem(404, Map.of("detail", "Không có tệp số liệu này.")));
            }
            return api.download(uri -> ProvincePeriods.export(uri, chosen, format));
        });
    }

    /** Every ward's line: in the ranking's order (the unrated last), or by code as the API lists them. */
    static List<WardFiguresRow> rows(ProvinceStatisticsDto figures, boolean byCode) {
        Map<UUID, ProvinceRankedWardDto> ranked = figures.getRanking().stream()
                .collect(Collectors.toMap(ProvinceRankedWardDto::getWardId, Function.identity(), (a, b) -> a));
        Map<UUID, Integer> place = new java.util.HashMap<>();
        for (int i = 0; i < figures.getRanking().size(); i++) {
            place.put(figures.getRanking().get(i).getWardId(), i);
        }
        Comparator<ProvinceWardFiguresDto> order = byCode
                ? Comparator.comparing(ProvinceWardFiguresDto::getWardCode)
                : Comparator.comparing(ward -> place.getOrDefault(ward.getWardId(), Integer.MAX_VALUE));
        return figures.getWards().stream()
                .sorted(order)
                .map(ward -> row(ward, ranked.get(ward.getWardId())))
                .toList();
    }

    private static WardFiguresRow row(ProvinceWardFiguresDto ward, @Nullable ProvinceRankedWardDto ranked) {
        ReportCountsDto counts = ward.getCounts();
        Double rate = ranked != null && Boolean.TRUE.equals(ranked.getRated()) ? ranked.getOnTimePercent() : null;
        return new WardFiguresRow(
                ward.getWardId(),
                ward.getWardCode(),
                ward.getWardName(),
                ranked == null || ranked.getRank() == null ? "" : String.valueOf(ranked.getRank()),
                Numbers.count(counts.getReceived()),
                Numbers.count(counts.getViolations()),
                Numbers.count(counts.getResolved()),
                Numbers.percent(counts.getOnTimePercent()),
                Numbers.count(ward.getOpenAtEnd()),
                Numbers.count(ward.getOverdueAtEnd()),
                Numbers.count(ward.getRepeatPoints()),
                Numbers.count(ward.getInspectionRounds()),
                rate,
                WardFiguresRow.band(rate));
    }

    private static List<String> total(ProvinceStatisticsDto figures) {
        var total = figures.getTotal();
        ReportCountsDto counts = total.getCounts();
        return List.of(
                Numbers.count(counts.getReceived()),
                Numbers.count(counts.getViolations()),
                Numbers.count(counts.getResolved()),
                Numbers.percent(counts.getOnTimePercent()),
                Numbers.count(total.getOpenAtEnd()),
                Numbers.count(total.getOverdueAtEnd()),
                Numbers.count(total.getRepeatPoints()),
                Numbers.count(total.getInspectionRounds()));
    }
}
