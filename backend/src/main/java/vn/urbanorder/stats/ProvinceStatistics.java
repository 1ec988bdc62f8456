package vn.urbanorder.stats;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.identity.Role;
import vn.urbanorder.shared.ProblemException;
import vn.urbanorder.shared.ReadSource;
import vn.urbanorder.shared.ReportingReads;
import vn.urbanorder.stats.ProvinceFigures.RankedWard;
import vn.urbanorder.stats.ProvinceFigures.Total;
import vn.urbanorder.stats.ProvinceFigures.WardRow;
import vn.urbanorder.stats.WorkloadAtEnd.Workload;
import vn.urbanorder.ward.Provinces;
import vn.urbanorder.ward.Ward;
import vn.urbanorder.ward.WardDirectory;

/**
 * The figures of every ward of a province, for its own officers (PROVINCE_ADMIN, PROVINCE_INSPECTOR):
 * each ward's row is what that ward's own figures ({@link WardStatistics}) give for the period,
 * read for all the wards at once, one statement per figure grouped by ward, all on the same
 * {@link ReportingReads} source.
 */
@Service
public class ProvinceStatistics {

    /** The zone a province without wards names its period in. */
    private static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ProvinceFiguresStore store;
    private final WorkloadAtEnd workload;
    private final Provinces provinces;
    private final WardDirectory wards;
    private final ReportingReads reads;
    private final Clock clock;

    ProvinceStatistics(
            ProvinceFiguresStore store,
            WorkloadAtEnd workload,
            Provinces provinces,
            WardDirectory wards,
            ReportingReads reads,
            Clock clock) {
        this.store = store;
        this.workload = workload;
        this.provinces = provinces;
        this.wards = wards;
        this.reads = reads;
        this.clock = clock;
    }

    /**
     * The caller's province, its wards and the period it asks for; 403 for anyone but the
     * province's own officers, 422 for a period {@code period} refuses.
     */
    public Mono<ProvinceScope> scope(Caller caller, Function<ZoneId, StatsPeriod> period) {
        if (!caller.has(Role.PROVINCE_ADMIN) && !caller.has(Role.PROVINCE_INSPECTOR)) {
            return Mono.error(ProblemException.forbidden(
                    "Chỉ cán bộ của tỉnh, thành phố được xem số liệu thống kê của các phường, xã."));
        }
        return Mono.zip(
                        provinces.findById(caller.provinceId()),
                        wards.inProvince(caller.provinceId()).collectList())
                .flatMap(found -> Mono.fromCallable(() -> {
                    List<Ward> byCode = found.getT2().stream()
                            .sorted(Comparator.comparing(Ward::code))
                            .toList();
                    return new ProvinceScope(
                            found.getT1(),
                            period.apply(commonZone(byCode)),
                            byCode.stream()
                                    .map(ward -> new StatsScope(ward, period.apply(ward.timeZone())))
                                    .toList());
                }));
    }

    /** The time zone most of the wards keep (all of them, in Việt Nam). */
    private static ZoneId commonZone(List<Ward> wards) {
        return wards.stream().collect(Collectors.groupingBy(Ward::timeZone, Collectors.counting())).entrySet().stream()
                .max(Map.Entry.<ZoneId, Long>comparingByValue()
                        .thenComparing(zone -> zone.getKey().getId()))
                .map(Map.Entry::getKey)
                .orElse(DEFAULT_ZONE);
    }

    public Mono<ProvinceFigures> figures(ProvinceScope scope) {
        return Mono.defer(() -> figures(reads.current(), scope));
    }

    /** Every statement on the same source, so that they see the same data. */
    private Mono<ProvinceFigures> figures(ReadSource source, ProvinceScope scope) {
        List<StatsScope> wardScopes = scope.wards();
        if (wardScopes.isEmpty()) {
            return Mono.fromSupplier(() -> assemble(scope, Map.of(), Map.of(), Map.of(), Map.of()));
        }
        DatabaseClient database = source.database();
        Map<UUID, Instant> ends = new HashMap<>();
        wardScopes.forEach(ward -> ends.put(ward.ward().id(), ward.period().end()));
        return Mono.zip(
                        store.counts(database, wardScopes),
                        store.repeatPoints(database, wardScopes),
                        store.rounds(database, wardScopes, scope.period()),
                        workload.of(source, ends))
                .map(found -> assemble(scope, found.getT1(), found.getT2(), found.getT3(), found.getT4()));
    }

    private ProvinceFigures assemble(
            ProvinceScope scope,
            Map<UUID, ReportCounts> counts,
            Map<UUID, Long> repeatPoints,
            Map<UUID, Long> rounds,
            Map<UUID, List<Workload>> atEnd) {
        List<WardRow> rows = new ArrayList<>();
        for (StatsScope ward : scope.wards()) {
            UUID id = ward.ward().id();
            List<Workload> load = atEnd.getOrDefault(id, List.of());
            rows.add(new WardRow(
                    id,
                    ward.ward().code(),
                    ward.ward().name(),
                    counts.getOrDefault(id, ReportCounts.NONE),
                    load.stream().mapToLong(Workload::open).sum(),
                    load.stream().mapToLong(Workload::overdue).sum(),
                    repeatPoints.getOrDefault(id, 0L),
                    rounds.getOrDefault(id, 0L)));
        }
        Total total = total(rows);
        List<RankedWard> ranking = ranking(rows);
        return new ProvinceFigures(
                scope.province().code(),
                scope.province().name(),
                scope.period(),
                clock.instant(),
                ProvinceSummaryText.of(scope.period(), scope.province().name(), total, ranking),
                rows,
                total,
                ranking);
    }

    /** The rows added up; the shares are computed from the sums, not averaged. */
    static Total total(List<WardRow> rows) {
        long[] sums = new long[11];
        for (WardRow row : rows) {
            ReportCounts counts = row.counts();
            sums[0] += counts.received();
            sums[1] += counts.violations();
            sums[2] += counts.duplicates();
            sums[3] += counts.rejected();
            sums[4] += counts.resolved();
            sums[5] += counts.resolvedOnTime();
            sums[6] += counts.repeatOffences();
            sums[7] += row.openAtEnd();
            sums[8] += row.overdueAtEnd();
            sums[9] += row.repeatPoints();
            sums[10] += row.inspectionRounds();
        }
        return new Total(
                rows.size(),
                new ReportCounts(sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], sums[6]),
                sums[7],
                sums[8],
                sums[9],
                sums[10]);
    }

    /**
     * The wards by on-time rate as shown (one decimal), best first; on a tie, more resolved
     * first, then by code. Wards with nothing resolved have no rate: last, by code, unranked.
     */
    static List<RankedWard> ranking(List<WardRow> rows) {
        Comparator<WardRow> byRate = Comparator.comparing(
                        (WardRow row) -> row.counts().onTimePercent(), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(row -> row.counts().resolved(), Comparator.reverseOrder())
                .thenComparing(WardRow::wardCode);
        List<WardRow> ordered = rows.stream().sorted(byRate).toList();
        List<RankedWard> ranking = new ArrayList<>();
        for (int place = 0; place < ordered.size(); place++) {
            WardRow row = ordered.get(place);
            Double rate = row.counts().onTimePercent();
            ranking.add(new RankedWard(
                    rate == null ? null : place + 1,
                    row.wardId(),
                    row.wardCode(),
                    row.wardName(),
                    rate,
                    row.counts().resolved(),
                    row.counts().resolvedOnTime()));
        }
        return ranking;
    }
}
