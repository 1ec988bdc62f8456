package vn.urbanorder.stats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
     * The reports whose place in a queue changed after the end (any event from or to a waiting
     * status, other than intake's assignment) are read back from their events before it; every
     * other report waiting now stands as it did then.
     */
    private static final String SQL = """
            WITH changed AS MATERIALIZED (
                SELECT DISTINCT e.report_id FROM report_event e
                 WHERE e.ward_id = :ward AND e.at >= :end
                   AND (report_awaiting_unit(e.from_status) OR report_awaiting_unit(e.to_status)) AND e.type <> 'ASSIGNED'),
            then_waiting AS MATERIALIZED (
                SELECT r.id FROM report r JOIN changed c ON c.report_id = r.id WHERE r.received_at < :end),
            as_now AS (
                SELECT r.assigned_unit_id AS unit_id, r.due_at FROM report r
                 WHERE r.ward_id = :ward AND report_awaiting_unit(r.status) AND r.received_at < :end
                   AND NOT EXISTS (SELECT 1 FROM changed c WHERE c.report_id = r.id)),
            as_then AS (
                SELECT s.* FROM then_waiting t
                 CROSS JOIN LATERAL (
                       SELECT (array_agg(e.to_status ORDER BY e.seq DESC)
                                   FILTER (WHERE e.to_status IS NOT NULL))[1] AS status,
                              ((array_agg(e.data::jsonb ->> 'unitId' ORDER BY e.seq DESC)
                                   FILTER (WHERE e.data LIKE '%"unitId"%'))[1])::uuid AS unit_id,
                              ((array_agg(e.data::jsonb ->> 'dueAt' ORDER BY e.seq DESC)
                                   FILTER (WHERE e.data LIKE '%"dueAt"%'))[1])::timestamptz AS due_at
                         FROM report_event e
                        WHERE e.report_id = t.id AND e.at < :end) s),
            waiting AS (
                SELECT unit_id, due_at FROM as_now
                UNION ALL
                SELECT unit_id, due_at FROM as_then WHERE report_awaiting_unit(status))
            SELECT unit_id, count(*) AS open, count(*) FILTER (WHERE due_at < :end) AS overdue
              FROM waiting
             GROUP BY unit_id
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
        Instant now = clock.instant();
        if (end.isAfter(now)) {
            return read(source, wardId, now);
        }
        if (end.isAfter(now.minus(SETTLED))) {
            return read(source, wardId, end);
        }
        Mono<List<Workload>> read = read(source, wardId, end);
        if (source.atMostBehind().compareTo(SETTLED) < 0) {
            read = read.flatMap(workload -> keep(wardId, end, workload));
        }
        return kept(wardId, end).switchIfEmpty(read);
    }

    private static Mono<List<Workload>> read(ReadSource source, UUID wardId, Instant end) {
        DatabaseClient database = source.database();
        Mono<List<Workload>> read = database.sql(SQL)
                .bind("ward", wardId)
                .bind("end", end)
                .map(row -> new Workload(
                        row.get("unit_id", UUID.class), row.get("open", Long.class), row.get("overdue", Long.class)))
                .all()
                .collectList();
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
                .concatMap(ward -> of(primary, ward.getKey(), ward.getValue()))
                .then();
    }

    private Mono<List<Workload>> kept(UUID wardId, Instant end) {
        return database.sql("SELECT units::text AS units FROM workload_snapshot WHERE ward_id = :ward AND at = :at")
                .bind("ward", wardId)
                .bind("at", end)
                .map(row -> json.readValue(row.get("units", String.class), LIST))
                .one();
    }

    private Mono<List<Workload>> keep(UUID wardId, Instant end, List<Workload> workload) {
        // Settled by the database's clock too, in case this instance's runs ahead.
        return database.sql("INSERT INTO workload_snapshot (ward_id, at, units, computed_at)"
                        + " SELECT :ward, :at, CAST(:units AS jsonb), :now WHERE CAST(:at AS timestamptz)"
                        + " < now() - interval '1 hour' ON CONFLICT DO NOTHING")
                .bind("ward", wardId)
                .bind("at", end)
                .bind("units", json.writeValueAsString(workload))
                .bind("now", clock.instant())
                .then()
                .thenReturn(workload);
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
