package vn.urbanorder.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.urbanorder.category.Category;
import vn.urbanorder.category.CategoryCatalog;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.identity.Role;
import vn.urbanorder.shared.ProblemException;
import vn.urbanorder.shared.ReadSource;
import vn.urbanorder.shared.ReportingReads;
import vn.urbanorder.stats.FiguresStore.Area;
import vn.urbanorder.stats.FiguresStore.Group;
import vn.urbanorder.stats.FiguresStore.Headline;
import vn.urbanorder.stats.FiguresStore.RepeatFound;
import vn.urbanorder.stats.FiguresStore.UnitHours;
import vn.urbanorder.stats.FiguresStore.UnitName;
import vn.urbanorder.stats.PeriodFigures.AreaRow;
import vn.urbanorder.stats.PeriodFigures.CategoryRow;
import vn.urbanorder.stats.PeriodFigures.ComparedFigure;
import vn.urbanorder.stats.PeriodFigures.Comparison;
import vn.urbanorder.stats.PeriodFigures.Figure;
import vn.urbanorder.stats.PeriodFigures.MonthRow;
import vn.urbanorder.stats.PeriodFigures.PatrolRow;
import vn.urbanorder.stats.PeriodFigures.RejectedCount;
import vn.urbanorder.stats.PeriodFigures.RepeatPoints;
import vn.urbanorder.stats.PeriodFigures.RoundRow;
import vn.urbanorder.stats.PeriodFigures.Rounds;
import vn.urbanorder.stats.PeriodFigures.SubtypeRow;
import vn.urbanorder.stats.PeriodFigures.UnitRow;
import vn.urbanorder.stats.PeriodFigures.WardWorkload;
import vn.urbanorder.stats.WorkloadAtEnd.Workload;
import vn.urbanorder.ward.WardDirectory;

/**
 * The figures a ward reports upward, for ward admins and inspectors. The queries run side by side,
 * each on its own connection, all on the read replica while it is close enough behind ({@link
 * ReportingReads}), else all on the primary; what they return is put together here.
 */
@Service
public class WardStatistics {

    /** How many repeat points the JSON document lists (the contract's {@code maxItems}); the files list all. */
    private static final int TOP_REPEAT_POINTS = 10;

    private final FiguresStore store;
    private final WorkloadAtEnd workload;
    private final CategoryCatalog categories;
    private final WardDirectory wards;
    private final ReportingReads reads;
    private final Clock clock;

    WardStatistics(
            FiguresStore store,
            WorkloadAtEnd workload,
            CategoryCatalog categories,
            WardDirectory wards,
            ReportingReads reads,
            Clock clock) {
        this.store = store;
        this.reads = reads;
        this.workload = workload;
        this.categories = categories;
        this.wards = wards;
        this.clock = clock;
    }

    /**
     * The caller's ward and the period it asks for; 403 for anyone but ward admins and inspectors,
     * 422 for a period {@code period} refuses.
     */
    public Mono<StatsScope> scope(Caller caller, Function<ZoneId, StatsPeriod> period) {
        if (!caller.has(Role.WARD_ADMIN) && !caller.has(Role.INSPECTOR)) {
            return Mono.error(ProblemException.forbidden(
                    "Chỉ cán bộ quản trị phường và thành viên MTTQ được xem số liệu thống kê."));
        }
        return wards.findById(caller.wardId())
                .flatMap(ward -> Mono.fromCallable(() -> new StatsScope(ward, period.apply(ward.timeZone()))));
    }

    /**
     * Forgets the month-end workloads kept for the ward, so that they are read again from the audit
     * trail: for whoever writes events dated in the past (the demo's history), which a workload
     * kept before would miss.
     */
    public Mono<Void> forgetKeptWorkloads(UUID wardId) {
        return workload.forget(wardId);
    }

    /** The figures as the JSON document has them: the {@value #TOP_REPEAT_POINTS} first repeat points. */
    public Mono<PeriodFigures> figures(StatsScope scope) {
        return figures(scope, TOP_REPEAT_POINTS);
    }

    /** The figures for an export file, which lists every repeat point of the period. */
    Mono<PeriodFigures> figuresWithEveryRepeatPoint(StatsScope scope) {
        return figures(scope, null);
    }

    /** @param listed how many repeat points to list, the most violations first; null for every one */
    private Mono<PeriodFigures> figures(StatsScope scope, @Nullable Integer listed) {
        return Mono.defer(() -> figures(reads.current(), scope, listed));
    }

    /** Every query of one document on the same source, so that they see the same data. */
    private Mono<PeriodFigures> figures(ReadSource source, StatsScope scope, @Nullable Integer listed) {
        UUID ward = scope.ward().id();
        StatsPeriod period = scope.period();
        DatabaseClient database = source.database();
        Mono<List<Category>> catalogue = categories.findAll().collectList();
        var reports = Mono.zip(
                store.groups(database, ward, period).collectList(),
                store.unitHours(database, ward, period).collectList(),
                workload.of(source, ward, period.end()),
                catalogue.flatMap(found -> store.repeatPoints(database, ward, period, names(found), listed)));
        var context = Mono.zip(
                store.areas(database, ward, period).collectList(),
                store.units(database, ward).collectList(),
                store.rounds(database, ward, period).collectList(),
                store.headline(database, ward, period.previous()),
                catalogue,
                workload.of(source, ward, period.previous().end()));
        return Mono.zip(reports, context)
                .map(found -> assemble(
                        scope,
                        new Sources(
                                found.getT1().getT1(),
                                found.getT1().getT2(),
                                found.getT1().getT3(),
                                found.getT1().getT4(),
                                found.getT2().getT1(),
                                found.getT2().getT2(),
                                found.getT2().getT3(),
                                found.getT2().getT4(),
                                found.getT2().getT5(),
                                found.getT2().getT6())));
    }

    /** What the queries found, for {@link #assemble}. */
    private record Sources(
            List<Group> groups,
            List<UnitHours> hours,
            List<Workload> workload,
            RepeatFound repeat,
            List<Area> areas,
            List<UnitName> units,
            List<RoundRow> rounds,
            Headline previous,
            List<Category> catalogue,
            List<Workload> workloadBefore) {}

    private static Function<String, String> names(List<Category> catalogue) {
        Map<String, String> names = catalogue.stream().collect(Collectors.toMap(Category::code, Category::name));
        return code -> names.getOrDefault(code, code);
    }

    private PeriodFigures assemble(StatsScope scope, Sources found) {
        Map<String, List<Group>> bySection = found.groups().stream().collect(Collectors.groupingBy(Group::section));
        ReportCounts totals = section(bySection, "TOTAL").stream()
                .findFirst()
                .map(Group::counts)
                .orElse(ReportCounts.NONE);
        var repeatPoints = new RepeatPoints(
                found.repeat().newInPeriod(),
                found.repeat().active(),
                totals.repeatOffences(),
                found.repeat().listed());
        List<RoundRow> roundList = found.rounds();
        var rounds = new Rounds(
                roundList.stream().filter(RoundRow::startedInPeriod).count(),
                roundList.stream().mapToLong(RoundRow::reports).sum(),
                roundList.stream().mapToLong(RoundRow::violations).sum(),
                roundList);
        StatsPeriod period = scope.period();
        var atEnd = wardWorkload(found.workload());
        return new PeriodFigures(
                scope.ward().code(),
                scope.ward().name(),
                period,
                clock.instant(),
                SummaryText.of(period.label(), rounds.count(), totals, repeatPoints.active()),
                totals,
                atEnd,
                rejectedByReason(section(bySection, "REJECTION")),
                byMonth(period, section(bySection, "MONTH")),
                byCategory(found.catalogue(), section(bySection, "CATEGORY"), section(bySection, "SUBTYPE")),
                byArea(
                        found.areas(),
                        "ZONE",
                        section(bySection, "ZONE"),
                        Group::zoneCode,
                        VietnameseLabels.OUTSIDE_ZONES),
                byArea(
                        found.areas(),
                        "SEGMENT",
                        section(bySection, "SEGMENT"),
                        Group::segmentCode,
                        VietnameseLabels.OUTSIDE_SEGMENTS),
                byUnit(found.units(), section(bySection, "UNIT"), found.hours(), found.workload()),
                repeatPoints,
                rounds,
                patrolActivity(section(bySection, "REPORTER")),
                new Comparison(
                        period.previous(),
                        compare(
                                totals,
                                repeatPoints.active(),
                                rounds.count(),
                                atEnd,
                                found.previous(),
                                wardWorkload(found.workloadBefore()))));
    }

    private static WardWorkload wardWorkload(List<Workload> workload) {
        return new WardWorkload(
                workload.stream().mapToLong(Workload::open).sum(),
                workload.stream().mapToLong(Workload::overdue).sum());
    }

    /** Every calendar month the period touches, in order, those without reports included. */
    private static List<MonthRow> byMonth(StatsPeriod period, List<Group> groups) {
        Map<String, ReportCounts> counts = new HashMap<>();
        groups.forEach(group -> counts.put(group.month(), group.counts()));
        List<MonthRow> rows = new ArrayList<>();
        for (YearMonth month = YearMonth.from(period.from());
                !month.isAfter(YearMonth.from(period.to()));
                month = month.plusMonths(1)) {
            rows.add(new MonthRow(
                    month,
                    StatsPeriod.month(month, period.timeZone()).label(),
                    counts.getOrDefault(month.toString(), ReportCounts.NONE)));
        }
        return rows;
    }

    private static List<Group> section(Map<String, List<Group>> bySection, String name) {
        return bySection.getOrDefault(name, List.of());
    }

    private static List<RejectedCount> rejectedByReason(List<Group> groups) {
        Map<String, Long> counts = groups.stream()
                .filter(group -> group.rejectionReason() != null)
                .collect(Collectors.toMap(
                        Group::rejectionReason, group -> group.counts().rejected()));
        return VietnameseLabels.REJECTION_REASONS.entrySet().stream()
                .map(reason ->
                        new RejectedCount(reason.getKey(), reason.getValue(), counts.getOrDefault(reason.getKey(), 0L)))
                .toList();
    }

    private static List<CategoryRow> byCategory(
            List<Category> catalogue, List<Group> categories, List<Group> subtypes) {
        Map<String, ReportCounts> byCategory =
                categories.stream().collect(Collectors.toMap(Group::category, Group::counts));
        return catalogue.stream()
                .map(category -> {
                    Map<String, ReportCounts> bySubtype = new HashMap<>();
                    subtypes.stream()
                            .filter(group -> category.code().equals(group.category()))
                            .forEach(group -> bySubtype.put(group.subtype(), group.counts()));
                    List<SubtypeRow> rows = new ArrayList<>();
                    category.subtypes()
                            .forEach(subtype -> rows.add(new SubtypeRow(
                                    subtype.code(),
                                    subtype.name(),
                                    bySubtype.getOrDefault(subtype.code(), ReportCounts.NONE))));
                    ReportCounts noSubtype = bySubtype.get(null);
                    if (noSubtype != null) {
                        rows.add(new SubtypeRow(null, VietnameseLabels.NO_SUBTYPE, noSubtype));
                    }
                    return new CategoryRow(
                            category.code(),
                            category.name(),
                            byCategory.getOrDefault(category.code(), ReportCounts.NONE),
                            rows);
                })
                .toList();
    }

    /**
     * Every zone (or segment) of the maps in force during the period, by code, then any code the
     * reports name that those maps lack (by its latest name), then the reports in none.
     */
    private static List<AreaRow> byArea(
            List<Area> areas, String kind, List<Group> groups, Function<Group, String> code, String outside) {
        Map<String, ReportCounts> counts = new HashMap<>();
        groups.forEach(group -> counts.put(code.apply(group), group.counts()));
        List<AreaRow> rows = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        areas.stream().filter(area -> area.kind().equals(kind)).forEach(area -> {
            names.put(area.code(), area.name());
            if (area.inForce()) {
                rows.add(new AreaRow(area.code(), area.name(), counts.getOrDefault(area.code(), ReportCounts.NONE)));
            }
        });
        var listed = rows.stream().map(AreaRow::code).collect(Collectors.toSet());
        counts.keySet().stream()
                .filter(Objects::nonNull)
                .filter(missing -> !listed.contains(missing))
                .sorted()
                .forEach(missing -> rows.add(new AreaRow(
                        missing,
                        names.getOrDefault(missing, missing),
                        Objects.requireNonNull(counts.get(missing), "a key of counts"))));
        ReportCounts inNone = counts.get(null);
        if (inNone != null && inNone.received() > 0) {
            rows.add(new AreaRow(null, outside, inNone));
        }
        return rows;
    }

    /** Active units and any unit with figures, by code; then the violations no unit has. */
    private static List<UnitRow> byUnit(
            List<UnitName> units, List<Group> groups, List<UnitHours> hours, List<Workload> workload) {
        Map<UUID, Group> figures = new HashMap<>();
        groups.forEach(group -> figures.put(group.unitId(), group));
        Map<UUID, UnitHours> byHours = new HashMap<>();
        hours.forEach(row -> byHours.put(row.unitId(), row));
        Map<UUID, Workload> atEnd = new HashMap<>();
        workload.forEach(load -> atEnd.put(load.unitId(), load));
        List<UnitRow> rows = new ArrayList<>();
        units.stream()
                .filter(unit -> unit.active()
                        || atEnd.containsKey(unit.id())
                        || (figures.containsKey(unit.id())
                                && figures.get(unit.id()).counts().violations() > 0))
                .sorted(Comparator.comparing(UnitName::code))
                .forEach(unit -> rows.add(unitRow(unit.id(), unit.code(), unit.name(), figures, byHours, atEnd)));
        Group none = figures.get(null);
        if ((none != null && none.counts().violations() > 0) || atEnd.containsKey(null)) {
            rows.add(unitRow(null, null, VietnameseLabels.NO_UNIT, figures, byHours, atEnd));
        }
        return rows;
    }

    private static UnitRow unitRow(
            @Nullable UUID id,
            @Nullable String code,
            String name,
            Map<UUID, Group> figures,
            Map<UUID, UnitHours> hours,
            Map<UUID, Workload> atEnd) {
        Group group = figures.get(id);
        UnitHours time = hours.get(id);
        ReportCounts counts = group == null ? ReportCounts.NONE : group.counts();
        Workload load = atEnd.getOrDefault(id, new Workload(id, 0, 0));
        return new UnitRow(
                id,
                code,
                name,
                counts.violations(),
                counts.resolved(),
                counts.resolvedOnTime(),
                time == null ? null : time.medianHours(),
                time == null ? null : time.p90Hours(),
                load.open(),
                load.overdue());
    }

    /** Officers with reports in the period, most reports first. */
    private static List<PatrolRow> patrolActivity(List<Group> groups) {
        return groups.stream()
                .map(group -> new PatrolRow(
                        Objects.requireNonNull(group.reporterId(), "a REPORTER group has its reporter"),
                        Objects.requireNonNull(group.username(), "a REPORTER group has its reporter"),
                        group.displayName(),
                        group.counts()))
                .sorted(Comparator.comparingLong((PatrolRow row) -> row.counts().received())
                        .reversed()
                        .thenComparing(PatrolRow::name, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(row -> row.reporterId().toString()))
                .toList();
    }

    private static List<ComparedFigure> compare(
            ReportCounts totals,
            long repeatPoints,
            long rounds,
            WardWorkload atEnd,
            Headline previous,
            WardWorkload atPreviousEnd) {
        ReportCounts before = previous.counts();
        return List.of(
                compared(Figure.RECEIVED, totals.received(), before.received()),
                compared(Figure.VIOLATIONS, totals.violations(), before.violations()),
                compared(Figure.RESOLVED, totals.resolved(), before.resolved()),
                compared(Figure.RESOLVED_PERCENT, totals.resolvedPercent(), before.resolvedPercent()),
                compared(Figure.ON_TIME_PERCENT, totals.onTimePercent(), before.onTimePercent()),
                compared(Figure.REPEAT_POINTS, repeatPoints, previous.repeatPoints()),
                compared(Figure.REPEAT_OFFENCES, totals.repeatOffences(), before.repeatOffences()),
                compared(Figure.INSPECTION_ROUNDS, rounds, previous.rounds()),
                compared(Figure.OPEN, totals.open(), before.open()),
                compared(Figure.OVERDUE_AT_END, atEnd.overdue(), atPreviousEnd.overdue()));
    }

    private static ComparedFigure compared(Figure figure, @Nullable Number current, @Nullable Number previous) {
        Double now = current == null ? null : current.doubleValue();
        Double before = previous == null ? null : previous.doubleValue();
        Double difference = now == null || before == null ? null : oneDecimal(now - before);
        Double changePercent = figure.share() || now == null || before == null || before == 0
                ? null
                : oneDecimal((now - before) * 100 / before);
        return new ComparedFigure(figure, figure.label(), now, before, difference, changePercent);
    }

    /** To one decimal, halves away from zero (−0,25 → −0,3 as +0,25 → +0,3). */
    private static double oneDecimal(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
