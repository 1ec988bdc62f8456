package vn.urbanorder.console.web.figures;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.model.PeriodStatisticsDto;
import vn.urbanorder.console.ConsoleApi;

/**
 * The ward's figures for a month, quarter, half year or year at a glance (the last whole month
 * unless another is chosen): the headline figures with their change, the summary sentence, the
 * charts, the repeat points on a map, and the report files to download.
 */
@Controller
class FiguresController {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ConsoleApi api;
    private final FiguresView view;
    private final Clock clock;
    private final PeriodPicker picker;

    FiguresController(ConsoleApi api, FiguresView view, Clock clock, PeriodPicker picker) {
        this.api = api;
        this.view = view;
        this.clock = clock;
        this.picker = picker;
    }

    @GetMapping("/console/figures")
    Mono<Rendering> figures(@RequestParam(required = false) @Nullable String period) {
        LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
        FiguresPeriod parsed = FiguresPeriod.parse(period);
        FiguresPeriod chosen = parsed == null ? FiguresPeriod.lastWholeMonth(today) : parsed;
        return FiguresAccess.adminOrInspector()
                .flatMap(caller -> api.get(chosen::figures, PeriodStatisticsDto.class))
                .map(figures -> Rendering.view("console/figures/figures")
                        .modelAttribute("figures", figures)
                        .modelAttribute("chosen", chosen.code())
                        .modelAttribute("choices", picker.choices(today, chosen))
                        .modelAttribute("previousPeriod", chosen.previous().code())
                        .modelAttribute(
                                "nextPeriod",
                                chosen.next().begunBy(today) ? chosen.next().code() : "")
                        .modelAttribute("headline", view.headline(figures))
                        .modelAttribute(
                                "charts",
                                List.of(
                                        view.byMonth(figures),
                                        view.byCategory(figures),
                                        view.byUnit(figures),
                                        view.byZone(figures)))
                        .modelAttribute("downloads", downloads(chosen))
                        .build());
    }

    private List<DownloadLink> downloads(FiguresPeriod period) {
        return ReportFormat.offeredFor(period).stream()
                .map(format -> new DownloadLink(
                        format.code(),
                        view.text(format.labelKey()),
                        "/console/figures/download?period=" + period.code() + "&format=" + format.code()))
                .toList();
    }
}
