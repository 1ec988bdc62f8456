package vn.urbanorder.stats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.urbanorder.shared.ReadSource;
import vn.urbanorder.shared.ReportingReads;

/**
 * Per unit, the reports waiting for it when a period ended, and how many of them were overdue,
 * as the audit trail tells: a report whose place in a queue has not changed since stands as it is
 * now; any other is read back from its last events before that moment (status, unit, deadline).
 *
 * <p>Once a moment is {@link #SETTLED} in the past, no transaction can still write an event
 * before it (events carry the time they are written, and the trail is append-only), so its
 * workload can never change: it is read once and kept in {@code workload_snapshot}. Only the demo
 * data writes events dated in the past, once, on an empty database at first start, and then has
 * the ward's kept workloads forgotten ({@link WardStatistics#forgetKeptWorkloads}).
 *
 * <p>The trail is read where the figures are read ({@link ReadSource}: the read replica while it is
 * close enough behind); the kept workloads are read and written on the primary only, so a workload
 * just forgotten is never read back from a replica that has not replayed that yet.
 */
@Repository
class WorkloadAtEnd {

    static final Duration SETTLED = Duration.ofHours(1);

    /**
     * Per ward, each at its own moment (its period's end, read in its own time zone): the reports
     * whose place in a queue changed after that moment (any event from or to a waiting status,
     * other than intake's assignment) are read back from their events before it; every other
     * report waiting now stands as it did then. One ward's figures and the province's rows are read
     * by this same statement, so they cannot differ.
     *
     * <p>{@code :earliest}, the first of the moments, says again what the per-ward bound implies,
     * so that the planner can estimate the events after it from its statistics; and each changed
     * report's receipt is looked up by its key, not joined: a province's old month has a hundred
     * thousand changed reports, for which the planner would otherwise hash the whole table.
     */
    private static final String SQL = """
            WITH w AS (
                SELECT * FROM unnest(CAST(:wards AS uuid[]), CAST(:ends AS timestamptz[])) AS w (ward_id, end_at)),
            changed AS MATERIALIZED (
                SELECT DISTINCT e.report_id, w.ward_id, w.end_at FROM w JOIN report_event e ON e.ward_id = w.ward_id
                 WHERE e.at >= w.end_at AND e.at >= :earliest
                   AND (report_awaiting_unit(e.from_status) OR report_awaiting_unit(e.to_status)) AND e.type <> 'ASSIGNED'),
            then_waiting AS MATERIALIZED (
                SELECT c.report_id AS id, c.ward_id, c.end_at FROM changed c
                 WHERE (SELECT r.received_at FROM report r WHERE r.id = c.report_id) < c.end_at),
            as_now AS (
                SELECT r.ward_id, r.assigned_unit_id AS unit_id, r.due_at, w.end_at FROM w JOIN report r ON r.ward_id = w.ward_id
                 WHERE report_awaiting_unit(r.status) AND r.received_at < w.end_at
                   AND NOT EXISTS (SELECT 1 FROM changed c WHERE c.report_id = r.id)),
            as_then AS (
                SELECT t.ward_id, t.end_at, s.* FROM then_waiting t
                 CROSS JOIN LATERAL (
                       SELECT (array_agg(e.to_status ORDER BY e.seq DESC)
                                   FILTER (WHERE e.to_status IS NOT NULL))[1] AS status,
                              ((array_agg(e.data::jsonb ->> 'unitId' ORDER BY e.seq DESC)
                                   FILTER (WHERE e.data LIKE '%"unitId"%'))[1])::uuid AS unit_id,
                              ((array_agg(e.data::jsonb ->> 'dueAt' ORDER BY e.seq DESC)
                                   FILTER (WHERE e.data LIKE '%"dueAt"%'))[1])::timestamptz AS due_at
                         FROM report_event e
                        WHERE e.report_id = t.id AND e.at < t.end_at) s),
            waiting AS (
                SELECT ward_id, unit_id, due_at, end_at FROM as_now
                UNION ALL
                SELECT ward_id, unit_id, due_at, end_at FROM as_then WHERE report_awaiting_unit(status))
            SELECT ward_id, unit_id, count(*) AS open, count(*) FILTER (WHERE due_at < end_at) AS overdue
              FROM waiting
             GROUP BY ward_id, unit_id
            """;

    /**
     * For a month long past, every queue change since is read (about a million rows a year at
     * 40,000 reports a month): with room to hash them in memory and no parallel workers, that is
     * one pass of a second or two; left to the defaults, the planner's parallel, spilling plan on
     * two cores took minutes. Each moment is planned for its own numbers: after a recent month's
     * end a few hundred events follow, after an old one's a million.
     */
    private static final List<String> SETTINGS = List.of(
            "SET LOCAL work_mem = '64MB'",
            "SET LOCAL max_parallel_workers_per_gather = 0",
            // Compiling a province's statement took a second of its few.
            "SET LOCAL jit = off",
            "SET LOCAL plan_cache_mode = force_custom_plan");

    private static final TypeReference<List<Workload>> LIST = new TypeReference<>() {};

    /** The primary, which alone holds the kept workloads. */
    private final ReadSource primary;

    private final DatabaseClient database;
    private final JsonMapper json;
    private final Clock clock;

    WorkloadAtEnd(ReportingReads reads, JsonMapper json, Clock clock) {
        this.primary = reads.primary();
        this.database = primary.database();
        this.json = json;
        this.clock = clock;
    }

    /**
     * The workload at {@code end}, or now when {@code end} has not come yet (a period in progress
     * shows today's backlog and what is overdue today).
     *
     * @param source where the trail is read; what it reads of a settled moment is kept only if it
     *     is less than {@link #SETTLED} behind the primary, so that it cannot miss an event
     */
    Mono<List<Workload>> of(ReadSource source, UUID wardId, Instant end) {
        return of(source, Map.of(wardId, end)).map(found -> found.getOrDefault(wardId, List.of()));
    }

    /**
     * The workload of each ward at its own period's end (or now, for a period not over), as {@link
     * #of(ReadSource, UUID, Instant)} gives it for one ward: the kept ones read in one statement,
     * the others from the trail in one more, and those settled kept in a third.
     *
     * @param ends each ward's period's end
     * @return by ward; every ward of {@code ends} is there, with an empty list when nothing waited
     */
    Mono<Map<UUID, List<Workload>>> of(ReadSource source, Map<UUID, Instant> ends) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            Map<UUID, Instant> moments = new HashMap<>();
            Map<UUID, Instant> settled = new HashMap<>();
            ends.forEach((ward, end) -> {
                moments.put(ward, end.isAfter(now) ? now : end);
                if (!end.isAfter(now.minus(SETTLED))) {
                    settled.put(ward, end);
                }
            });
            boolean mayKeep = source.atMostBehind().compareTo(SETTLED) < 0;
            return kept(settled).flatMap(kept -> {
                Map<UUID, Instant> toRead = new HashMap<>(moments);
                toRead.keySet().removeAll(kept.keySet());
                Mono<Map<UUID, List<Workload>>> read = read(source, toRead);
                if (mayKeep) {
                    read = read.flatMap(found -> keep(settled, found).thenReturn(found));
                }
                return read.map(found -> {
                    Map<UUID, List<Workload>> all = new HashMap<>(found);
                    all.putAll(kept);
                    return all;
                });
            });
        });
    }

    private static Mono<Map<UUID, List<Workload>>> read(ReadSource source, Map<UUID, Instant> moments) {
        if (moments.isEmpty()) {
            return Mono.just(Map.of());
        }
        DatabaseClient database = source.database();
        Mono<Map<UUID, List<Workload>>> read = database.sql(SQL)
                .bind("wards", wards(moments))
                .bind("ends", instants(moments))
                .bind(
                        "earliest",
                        moments.values().stream().min(Instant::compareTo).orElseThrow())
                .map(row -> Map.entry(
                        row.get("ward_id", UUID.class),
                        new Workload(
                                row.get("unit_id", UUID.class),
                                row.get("open", Long.class),
                                row.get("overdue", Long.class))))
                .all()
                .collectList()
                .map(rows -> {
                    Map<UUID, List<Workload>> byWard = new HashMap<>();
                    moments.keySet().forEach(ward -> byWard.put(ward, new ArrayList<>()));
                    rows.forEach(row -> byWard.computeIfAbsent(row.getKey(), ward -> new ArrayList<>())
                            .add(row.getValue()));
                    return byWard;
                });
        return Flux.fromIterable(SETTINGS)
                .concatMap(setting -> database.sql(setting).then())
                .then(read)
                .as(source.transactions()::transactional);
    }

    /**
     * Reads and keeps the workload at the start of each ward's current month, once it is settled,
     * so the figures of the month just ended never wait for the trail. Cheap: few events follow
     * that moment yet.
     */
    Mono<Void> keepLastMonthEnds() {
        Instant now = clock.instant();
        return database.sql("SELECT id, time_zone FROM ward")
                .map(row -> {
                    ZoneId zone = ZoneId.of(row.get("time_zone", String.class));
                    LocalDate firstDay = now.atZone(zone).toLocalDate().withDayOfMonth(1);
                    Instant end = firstDay.atStartOfDay(zone).toInstant();
                    if (end.isAfter(now.minus(SETTLED))) {
                        end = firstDay.minusMonths(1).atStartOfDay(zone).toInstant();
                    }
                    return Map.entry(row.get("id", UUID.class), end);
                })
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .flatMap(ends -> of(primary, ends))
                .then();
    }

    /** The kept workloads of those wards at those moments, by ward; on the primary. */
    private Mono<Map<UUID, List<Workload>>> kept(Map<UUID, Instant> moments) {
        if (moments.isEmpty()) {
            return Mono.just(Map.of());
        }
        return database.sql("SELECT s.ward_id, s.units::text AS units FROM workload_snapshot s"
                        + " JOIN unnest(CAST(:wards AS uuid[]), CAST(:ats AS timestamptz[])) AS k (ward_id, at)"
                        + " ON s.ward_id = k.ward_id AND s.at = k.at")
                .bind("wards", wards(moments))
                .bind("ats", instants(moments))
                .map(row ->
                        Map.entry(row.get("ward_id", UUID.class), json.readValue(row.get("units", String.class), LIST)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Keeps the workloads read at settled moments; on the primary. */
    private Mono<Void> keep(Map<UUID, Instant> settled, Map<UUID, List<Workload>> found) {
        Map<UUID, Instant> keeping = new LinkedHashMap<>();
        settled.forEach((ward, at) -> {
            if (found.containsKey(ward)) {
                keeping.put(ward, at);
            }
        });
        if (keeping.isEmpty()) {
            return Mono.empty();
        }
        // Settled by the database's clock too, in case this instance's runs ahead.
        return database.sql("INSERT INTO workload_snapshot (ward_id, at, units, computed_at)"
                        + " SELECT k.ward_id, k.at, k.units, :now"
                        + " FROM unnest(CAST(:wards AS uuid[]), CAST(:ats AS timestamptz[]), CAST(:units AS jsonb[]))"
                        + " AS k (ward_id, at, units)"
                        + " WHERE k.at < now() - interval '1 hour' ON CONFLICT DO NOTHING")
                .bind("wards", wards(keeping))
                .bind("ats", instants(keeping))
                .bind(
                        "units",
                        keeping.keySet().stream()
                                .map(ward -> json.writeValueAsString(found.getOrDefault(ward, List.of())))
                                .toArray(String[]::new))
                .bind("now", clock.instant())
                .then();
    }

    /** The wards of {@code moments}, in its order, for {@code CAST(:wards AS uuid[])}. */
    private static UUID[] wards(Map<UUID, Instant> moments) {
        return moments.keySet().toArray(UUID[]::new);
    }

    /** The moments of {@code moments}, in its order, for {@code CAST(:ats AS timestamptz[])}. */
    private static String[] instants(Map<UUID, Instant> moments) {
        return moments.values().stream().map(Instant::toString).toArray(String[]::new);
    }

    /** One unit's workload (unitId null: reports waiting with no unit). */
    record Workload(@Nullable UUID unitId, long open, long overdue) {}

    /** Forgets the ward's kept workloads; each is read again from the trail when next asked for. */
    Mono<Void> forget(UUID wardId) {
        return database.sql("DELETE FROM workload_snapshot WHERE ward_id = :ward")
                .bind("ward", wardId)
                .then();
    }
}
