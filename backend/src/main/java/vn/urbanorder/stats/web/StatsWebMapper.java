package vn.urbanorder.stats.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import vn.urbanorder.api.model.ComparedFigure;
import vn.urbanorder.api.model.InspectionRoundFigures;
import vn.urbanorder.api.model.PatrolFigures;
import vn.urbanorder.api.model.PeriodStatistics;
import vn.urbanorder.api.model.RepeatPointFigures;
import vn.urbanorder.api.model.ReportCounts;
import vn.urbanorder.api.model.StatsTotals;
import vn.urbanorder.api.model.UnitFigures;
import vn.urbanorder.stats.PeriodFigures;
import vn.urbanorder.stats.StatsPeriod;

/** Figures as the API shows them. */
@Mapper
interface StatsWebMapper {

    @Mapping(target = "totals", source = ".")
    PeriodStatistics toApi(PeriodFigures figures);

    @Mapping(target = "counts", source = "totals")
    @Mapping(target = "resolvedLate", expression = "java(figures.totals().resolvedLate())")
    @Mapping(target = "open", expression = "java(figures.totals().open())")
    StatsTotals totals(PeriodFigures figures);

    @Mapping(target = "resolvedPercent", expression = "java(counts.resolvedPercent())")
    @Mapping(target = "onTimePercent", expression = "java(counts.onTimePercent())")
    ReportCounts toApi(vn.urbanorder.stats.ReportCounts counts);

    @Mapping(target = "label", expression = "java(period.label())")
    vn.urbanorder.api.model.StatsPeriod toApi(StatsPeriod period);

    @Mapping(target = "onTimePercent", expression = "java(unit.onTimePercent())")
    UnitFigures toApi(PeriodFigures.UnitRow unit);

    @Mapping(target = "top", source = "listed")
    RepeatPointFigures toApi(PeriodFigures.RepeatPoints points);

    InspectionRoundFigures toApi(PeriodFigures.Rounds rounds);

    PatrolFigures toApi(PeriodFigures.PatrolRow row);

    ComparedFigure toApi(PeriodFigures.ComparedFigure figure);

    default OffsetDateTime toApi(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    default String toApi(ZoneId zone) {
        return zone.getId();
    }
}
