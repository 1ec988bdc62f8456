package vn.urbanorder.console.web.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.urbanorder.api.model.AreaFiguresDto;
import vn.urbanorder.api.model.CategoryFiguresDto;
import vn.urbanorder.api.model.ComparedFigureDto;
import vn.urbanorder.api.model.MonthFiguresDto;
import vn.urbanorder.api.model.PeriodStatisticsDto;
import vn.urbanorder.api.model.ReportCountsDto;
import vn.urbanorder.api.model.StatsFigureDto;
import vn.urbanorder.api.model.StatsPeriodKindDto;
import vn.urbanorder.api.model.StatsTotalsDto;
import vn.urbanorder.api.model.UnitFiguresDto;

/**
 * The API's figures of a period as the page shows them: the headline figures with their change,
 * and the charts. Every number is the API's, only written out; nothing is counted here.
 */
@Component
class FiguresView {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final MessageSource messages;

    FiguresView(MessageSource messages) {
        this.messages = messages;
    }

    List<HeadlineFigure> headline(PeriodStatisticsDto figures) {
        StatsTotalsDto totals = figures.getTotals();
        ReportCountsDto counts = totals.getCounts();
        var rounds = figures.getInspectionRounds();
        var points = figures.getRepeatPoints();
        Map<StatsFigureDto, ComparedFigureDto> compared = figures.getComparison().getFigures().stream()
                .collect(Collectors.toMap(ComparedFigureDto::getFigure, Function.identity()));
        String before =
                text("console.figures.before." + figures.getPeriod().getKind().getValue());
        Function<StatsFigureDto, Change> change = figure -> change(compared.get(figure), before);
        return List.of(
                new HeadlineFigure(
                        "RECEIVED",
                        text("console.figures.received"),
                        Numbers.count(counts.getReceived()),
                        text(
                                "console.figures.received.detail",
                                Numbers.count(counts.getDuplicates()),
                                Numbers.count(counts.getRejected())),
                        change.apply(StatsFigureDto.RECEIVED)),
                new HeadlineFigure(
                        "VIOLATIONS",
                        text("console.figures.violations"),
                        Numbers.count(counts.getViolations()),
                        text("console.figures.violations.detail", Numbers.count(counts.getRepeatOffences())),
                        change.apply(StatsFigureDto.VIOLATIONS)),
                new HeadlineFigure(
                        "RESOLVED",
                        text("console.figures.resolved"),
                        Numbers.count(counts.getResolved()),
                        counts.getResolvedPercent() == null
                                ? null
                                : text("console.figures.resolved.detail", Numbers.percent(counts.getResolvedPercent())),
                        change.apply(StatsFigureDto.RESOLVED)),
                new HeadlineFigure(
                        "ON_TIME_PERCENT",
                        text("console.figures.onTime"),
                        Numbers.percent(counts.getOnTimePercent()),
                        text(
                                "console.figures.onTime.detail",
                                Numbers.count(counts.getResolvedOnTime()),
                                Numbers.count(totals.getResolvedLate())),
                        change.apply(StatsFigureDto.ON_TIME_PERCENT)),
                new HeadlineFigure(
                        "OPEN",
                        text("console.figures.open"),
                        Numbers.count(totals.getOpen()),
                        text("console.figures.open.detail"),
                        change.apply(StatsFigureDto.OPEN)),
                new HeadlineFigure(
                        "OVERDUE_AT_END",
                        text("console.figures.overdue"),
                        Numbers.count(totals.getOverdueAtEnd()),
                        text("console.figures.overdue.detail", Numbers.count(totals.getOpenAtEnd())),
                        change.apply(StatsFigureDto.OVERDUE_AT_END)),
                new HeadlineFigure(
                        "REPEAT_POINTS",
                        text("console.figures.repeatPoints"),
                        Numbers.count(points.getActive()),
                        text("console.figures.repeatPoints.detail", Numbers.count(points.getNewInPeriod())),
                        change.apply(StatsFigureDto.REPEAT_POINTS)),
                new HeadlineFigure(
                        "INSPECTION_ROUNDS",
                        text("console.figures.rounds"),
                        Numbers.count(rounds.getCount()),
                        text(
                                "console.figures.rounds.detail",
                                Numbers.count(rounds.getReportsFound()),
                                Numbers.count(rounds.getViolationsFound())),
                        change.apply(StatsFigureDto.INSPECTION_ROUNDS)));
    }

    /** "▲ 12 (+25,0%) so với tháng trước"; shares change in points. */
    private Change change(@Nullable ComparedFigureDto figure, String before) {
        Double difference = figure == null ? null : figure.getDifference();
        if (figure == null || difference == null) {
            return new Change("none", "", "", text("console.figures.change.none", before));
        }
        if (difference == 0) {
            return new Change("same", "=", "", text("console.figures.change.same", before));
        }
        boolean share = figure.getFigure() == StatsFigureDto.RESOLVED_PERCENT
                || figure.getFigure() == StatsFigureDto.ON_TIME_PERCENT;
        String amount = share
                ? text("console.figures.change.points", Numbers.decimal(Math.abs(difference)))
                : Numbers.whole(difference);
        Double percent = figure.getChangePercent();
        if (percent != null) {
            amount += " (" + (percent > 0 ? "+" : "−") + Numbers.decimal(Math.abs(percent)) + "%)";
        }
        boolean up = difference > 0;
        return new Change(
                up ? "up" : "down",
                up ? "▲" : "▼",
                text(up ? "console.figures.change.up" : "console.figures.change.down"),
                text("console.figures.change.text", amount, before));
    }

    /**
     * Violations by month: the months of the period, or for a month the month before and this one
     * (as the API compares them).
     */
    BarChart byMonth(PeriodStatisticsDto figures) {
        List<Counted> rows = new ArrayList<>();
        if (figures.getPeriod().getKind() == StatsPeriodKindDto.MONTH) {
            Map<StatsFigureDto, ComparedFigureDto> compared = figures.getComparison().getFigures().stream()
                    .collect(Collectors.toMap(ComparedFigureDto::getFigure, Function.identity()));
            rows.add(new Counted(
                    null,
                    figures.getComparison().getPrevious().getLabel(),
                    previous(compared, StatsFigureDto.RECEIVED),
                    previous(compared, StatsFigureDto.VIOLATIONS),
                    previous(compared, StatsFigureDto.RESOLVED),
                    compared.get(StatsFigureDto.RESOLVED_PERCENT) == null
                            ? null
                            : compared.get(StatsFigureDto.RESOLVED_PERCENT).getPrevious()));
        }
        for (MonthFiguresDto month : figures.getByMonth()) {
            rows.add(Counted.of(null, month.getLabel(), month.getCounts()));
        }
        return counted("chart-month", text("console.figures.chart.month"), text("console.figures.col.month"), rows);
    }

    BarChart byCategory(PeriodStatisticsDto figures) {
        List<Counted> rows = new ArrayList<>();
        for (CategoryFiguresDto category : figures.getByCategory()) {
            rows.add(Counted.of(null, category.getName(), category.getCounts()));
        }
        return counted(
                "chart-category", text("console.figures.chart.category"), text("console.figures.col.category"), rows);
    }

    BarChart byZone(PeriodStatisticsDto figures) {
        List<Counted> rows = new ArrayList<>();
        for (AreaFiguresDto zone : figures.getByZone()) {
            rows.add(Counted.of(zone.getCode(), zone.getName(), zone.getCounts()));
        }
        return counted("chart-zone", text("console.figures.chart.zone"), text("console.figures.col.zone"), rows);
    }

    BarChart byUnit(PeriodStatisticsDto figures) {
        long largest = figures.getByUnit().stream()
                .mapToLong(UnitFiguresDto::getAssigned)
                .max()
                .orElse(0);
        List<BarChart.Row> rows = new ArrayList<>();
        for (UnitFiguresDto unit : figures.getByUnit()) {
            rows.add(new BarChart.Row(
                    null,
                    unit.getName(),
                    BarChart.width(unit.getAssigned(), largest),
                    BarChart.width(unit.getResolved(), largest),
                    unit.getAssigned(),
                    List.of(
                            Numbers.count(unit.getAssigned()),
                            Numbers.count(unit.getResolved()),
                            Numbers.percent(unit.getOnTimePercent()),
                            Numbers.count(unit.getOpenAtEnd()),
                            Numbers.count(unit.getOverdueAtEnd()))));
        }
        return new BarChart(
                "chart-unit",
                text("console.figures.chart.unit"),
                text("console.figures.col.assigned"),
                text("console.figures.col.resolved"),
                List.of(
                        text("console.figures.col.unit"),
                        text("console.figures.col.assigned"),
                        text("console.figures.col.resolved"),
                        text("console.figures.col.onTime"),
                        text("console.figures.col.openAtEnd"),
                        text("console.figures.col.overdueAtEnd")),
                rows);
    }

    /** A part's counts, as the month, category and zone charts show them. */
    private record Counted(
            @Nullable String code,
            String name,
            long received,
            long violations,
            long resolved,
            @Nullable Double resolvedPercent) {

        static Counted of(@Nullable String code, String name, ReportCountsDto counts) {
            return new Counted(
                    code,
                    name,
                    counts.getReceived(),
                    counts.getViolations(),
                    counts.getResolved(),
                    counts.getResolvedPercent());
        }
    }

    private BarChart counted(String id, String title, String firstHeader, List<Counted> parts) {
        long largest = parts.stream().mapToLong(Counted::violations).max().orElse(0);
        List<BarChart.Row> rows = parts.stream()
                .map(part -> new BarChart.Row(
                        part.code(),
                        part.name(),
                        BarChart.width(part.violations(), largest),
                        BarChart.width(part.resolved(), largest),
                        part.violations(),
                        List.of(
                                Numbers.count(part.received()),
                                Numbers.count(part.violations()),
                                Numbers.count(part.resolved()),
                                Numbers.percent(part.resolvedPercent()))))
                .toList();
        return new BarChart(
                id,
                title,
                text("console.figures.col.violations"),
                text("console.figures.col.resolved"),
                List.of(
                        firstHeader,
                        text("console.figures.col.received"),
                        text("console.figures.col.violations"),
                        text("console.figures.col.resolved"),
                        text("console.figures.col.resolvedPercent")),
                rows);
    }

    private static long previous(Map<StatsFigureDto, ComparedFigureDto> compared, StatsFigureDto figure) {
        ComparedFigureDto found = compared.get(figure);
        Double value = found == null ? null : found.getPrevious();
        return value == null ? 0 : Math.round(value);
    }

    /** A period's name as ward reports write it, for the list to choose from. */
    String label(FiguresPeriod period) {
        return text(period.labelKey(), period.labelArgs());
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, VIETNAMESE);
    }
}
