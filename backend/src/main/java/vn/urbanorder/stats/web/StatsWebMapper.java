package vn.urbanorder.stats.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import vn.urbanorder.api.model.ComparedFigureDto;
import vn.urbanorder.api.model.InspectionRoundFiguresDto;
import vn.urbanorder.api.model.MonthFiguresDto;
import vn.urbanorder.api.model.PatrolFiguresDto;
import vn.urbanorder.api.model.PeriodStatisticsDto;
import vn.urbanorder.api.model.RepeatPointFiguresDto;
import vn.urbanorder.api.model.ReportCountsDto;
import vn.urbanorder.api.model.StatsPeriodDto;
import vn.urbanorder.api.model.StatsTotalsDto;
import vn.urbanorder.api.model.UnitFiguresDto;
import vn.urbanorder.stats.PeriodFigures;
import vn.urbanorder.stats.ReportCounts;
import vn.urbanorder.stats.StatsPeriod;

/** Figures as the API shows them. */
@Mapper
interface StatsWebMapper {

    @Mapping(target = "totals", source = ".")
    PeriodStatisticsDto toApi(PeriodFigures figures);

    @Mapping(target = "counts", source = "totals")
    @Mapping(target = "resolvedLate", expression = "java(figures.totals().resolvedLate())")
    @Mapping(target = "open", expression = "java(figures.totals().open())")
    @Mapping(target = "openAtEnd", expression = "java(figures.workloadAtEnd().open())")
    @Mapping(target = "overdueAtEnd", expression = "java(figures.workloadAtEnd().overdue())")
    StatsTotalsDto totals(PeriodFigures figures);

    @Mapping(target = "resolvedPercent", expression = "java(counts.resolvedPercent())")
    @Mapping(target = "onTimePercent", expression = "java(counts.onTimePercent())")
    ReportCountsDto toApi(ReportCounts counts);

    @Mapping(target = "label", expression = "java(period.label())")
    StatsPeriodDto toApi(StatsPeriod period);

    @Mapping(target = "onTimePercent", expression = "java(unit.onTimePercent())")
    UnitFiguresDto toApi(PeriodFigures.UnitRow unit);

    @Mapping(target = "top", source = "listed")
    RepeatPointFiguresDto toApi(PeriodFigures.RepeatPoints points);

    InspectionRoundFiguresDto toApi(PeriodFigures.Rounds rounds);

    PatrolFiguresDto toApi(PeriodFigures.PatrolRow row);

    ComparedFigureDto toApi(PeriodFigures.ComparedFigure figure);

    MonthFiguresDto toApi(PeriodFigures.MonthRow month);

    default String toApi(java.time.YearMonth month) {
        return month.toString();
    }

    default @Nullable OffsetDateTime toApi(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    default String toApi(ZoneId zone) {
        return zone.getId();
    }
}
