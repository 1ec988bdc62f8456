package vn.urbanorder.stats;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.urbanorder.stats.PeriodFigures.RepeatPoint;
import vn.urbanorder.stats.PeriodFigures.RoundRow;

/**
 * The reporting SQL behind a period's figures. Every figure is read from the reports as they
 * were placed at intake (zone and segment rows are never changed, only closed) and as they stand
 * now; the workload at the period's end is read back from the audit trail.
 */
@Repository
class FiguresStore {

    /** A report that is neither a duplicate nor rejected. */
    private static final String VIOLATION = "status NOT IN ('DUPLICATE', 'REJECTED')";

    private static final String AWAITING_UNIT = "('ASSIGNED', 'IN_PROGRESS', 'REOPENED')";

    /** The counts of {@link ReportCounts}, over rows of {@code report}. */
    private static final String COUNTS = """
            count(*) AS received,
            count(*) FILTER (WHERE %1$s) AS violations,
            count(*) FILTER (WHERE status = 'DUPLICATE') AS duplicates,
            count(*) FILTER (WHERE status = 'REJECTED') AS rejected,
            count(*) FILTER (WHERE status IN ('RESOLVED', 'VERIFIED')) AS resolved,
            count(*) FILTER (WHERE status IN ('RESOLVED', 'VERIFIED')
                               AND (due_at IS NULL OR resolved_at <= due_at)) AS on_time,
            count(*) FILTER (WHERE %1$s AND 'REPEAT_OFFENCE' = ANY (flags)) AS repeat_offences""".formatted(VIOLATION);

    private static final String PERIOD_REPORTS = "ward_id = :ward AND observed_at >= :start AND observed_at < :end";

    /** One pass over the period's reports, grouped every way the figures break down. */
    private static final String GROUPS = """
            WITH p AS MATERIALIZED (
                SELECT r.category, r.subtype, z.code AS zone_code, s.code AS segment_code,
                       r.assigned_unit_id AS unit_id, r.reporter_id, r.rejection_reason,
                       r.status, r.flags, r.due_at, r.resolved_at,
                       extract(epoch FROM r.resolved_at - r.received_at) / 3600 AS hours
                  FROM report r
                  LEFT JOIN zone z ON z.id = r.zone_id
                  LEFT JOIN zone s ON s.id = r.segment_id
                 WHERE r.%2$s),
            g AS (
                SELECT CASE WHEN GROUPING(subtype) = 0 THEN 'SUBTYPE'
                            WHEN GROUPING(category) = 0 THEN 'CATEGORY'
                            WHEN GROUPING(zone_code) = 0 THEN 'ZONE'
                            WHEN GROUPING(segment_code) = 0 THEN 'SEGMENT'
                            WHEN GROUPING(unit_id) = 0 THEN 'UNIT'
                            WHEN GROUPING(reporter_id) = 0 THEN 'REPORTER'
                            WHEN GROUPING(rejection_reason) = 0 THEN 'REJECTION'
                            ELSE 'TOTAL' END AS section,
                       category, subtype, zone_code, segment_code, unit_id, reporter_id, rejection_reason,
                       %1$s,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY hours)
                           FILTER (WHERE status IN ('RESOLVED', 'VERIFIED')) AS median_hours,
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY hours)
                           FILTER (WHERE status IN ('RESOLVED', 'VERIFIED')) AS p90_hours
                  FROM p
                 GROUP BY GROUPING SETS ((), (category), (category, subtype), (zone_code), (segment_code),
                                         (unit_id), (reporter_id), (rejection_reason)))
            SELECT g.*, u.username, u.display_name
              FROM g LEFT JOIN app_user u ON u.id = g.reporter_id
            """.formatted(COUNTS, PERIOD_REPORTS);

    /** The zones and segments of the maps in force during the period, by code, latest name. */
    private static final String AREAS = """
            SELECT DISTINCT ON (kind, code) kind, code, name
              FROM zone
             WHERE ward_id = :ward AND valid_from < :end AND (valid_to IS NULL OR valid_to > :start)
             ORDER BY kind, code, valid_from DESC
            """;

    /**
     * Per unit, the reports waiting for it when the period ended, as the audit trail tells: the
     * status, unit and deadline of each report's last events before that moment. Only reports
     * waiting now, or that stopped waiting since, can have been waiting then.
     */
    private static final String WORKLOAD_AT_END = """
            WITH candidates AS (
                SELECT r.id FROM report r
                 WHERE r.ward_id = :ward AND r.status IN %1$s AND r.received_at < :end
                UNION
                SELECT e.report_id FROM report_event e
                 WHERE e.ward_id = :ward AND e.at >= :end AND e.from_status IN %1$s),
            state AS (
                SELECT (SELECT e.to_status FROM report_event e
                         WHERE e.report_id = c.id AND e.at < :end AND e.to_status IS NOT NULL
                         ORDER BY e.seq DESC LIMIT 1) AS status,
                       (SELECT (e.data::jsonb ->> 'unitId')::uuid FROM report_event e
                         WHERE e.report_id = c.id AND e.at < :end AND e.data::jsonb ? 'unitId'
                         ORDER BY e.seq DESC LIMIT 1) AS unit_id,
                       (SELECT (e.data::jsonb ->> 'dueAt')::timestamptz FROM report_event e
                         WHERE e.report_id = c.id AND e.at < :end AND e.data::jsonb ? 'dueAt'
                         ORDER BY e.seq DESC LIMIT 1) AS due_at
                  FROM candidates c)
            SELECT unit_id, count(*) AS open, count(*) FILTER (WHERE due_at < :end) AS overdue
              FROM state
             WHERE status IN %1$s
             GROUP BY unit_id
            """.formatted(AWAITING_UNIT);

    /** The period's violations at each location that was a repeat point by the period's end. */
    private static final String ACTIVE_REPEAT_POINTS = """
            WITH per AS (
                SELECT violation_location_id AS id, count(*) AS reports,
                       count(*) FILTER (WHERE 'REPEAT_OFFENCE' = ANY (flags)) AS repeats
                  FROM report
                 WHERE %1$s AND %2$s AND violation_location_id IS NOT NULL
                 GROUP BY violation_location_id)
            SELECT l.id, l.category, l.lat, l.lon, l.zone_id, l.first_repeat_at, per.reports, per.repeats
              FROM per JOIN violation_location l ON l.id = per.id
             WHERE l.first_repeat_at < :end
            """.formatted(PERIOD_REPORTS, VIOLATION);

    private static final String REPEAT_SUMMARY = """
            WITH active AS (%s)
            SELECT (SELECT count(*) FROM active) AS active,
                   (SELECT count(*) FROM violation_location
                     WHERE ward_id = :ward AND first_repeat_at >= :start AND first_repeat_at < :end) AS new_points
            """.formatted(ACTIVE_REPEAT_POINTS);

    /**
     * The ten active repeat points with the most violations in the period, with the address of
     * their first report that gave one, and their counts up to the period's end (not beyond, so a
     * past period's list does not change).
     */
    private static final String TOP_REPEAT_POINTS = """
            WITH active AS (%1$s),
            top AS (SELECT * FROM active ORDER BY reports DESC, repeats DESC, first_repeat_at, id LIMIT 10)
            SELECT t.*, z.code AS zone_code, z.name AS zone_name,
                   (SELECT r.address_text FROM report r
                     WHERE r.violation_location_id = t.id AND r.address_text IS NOT NULL
                     ORDER BY r.observed_at, r.id LIMIT 1) AS address,
                   (SELECT count(*) FROM report r
                     WHERE r.violation_location_id = t.id AND r.observed_at < :end AND r.%2$s) AS reports_to_end,
                   (SELECT count(*) FROM report r
                     WHERE r.violation_location_id = t.id AND r.observed_at < :end AND r.%2$s
                       AND 'REPEAT_OFFENCE' = ANY (r.flags)) AS repeats_to_end
              FROM top t LEFT JOIN zone z ON z.id = t.zone_id
             ORDER BY t.reports DESC, t.repeats DESC, t.first_repeat_at, t.id
            """.formatted(ACTIVE_REPEAT_POINTS, VIOLATION);

    /** Rounds whose days overlap the period, with the period's reports found on each. */
    private static final String ROUNDS = """
            SELECT ir.id, ir.title, ir.started_on, ir.ended_on,
                   count(r.id) AS reports, count(r.id) FILTER (WHERE r.%s) AS violations
              FROM inspection_round ir
              LEFT JOIN report r ON r.inspection_round_id = ir.id AND r.observed_at >= :start AND r.observed_at < :end
             WHERE ir.ward_id = :ward AND ir.started_on <= :lastDay AND ir.ended_on >= :firstDay
             GROUP BY ir.id
             ORDER BY ir.started_on, ir.title, ir.id
            """.formatted(VIOLATION);

    /** The headline figures alone, for the period a report is compared with. */
    private static final String HEADLINE = """
            WITH p AS MATERIALIZED (
                SELECT status, flags, due_at, resolved_at, violation_location_id FROM report WHERE %2$s)
            SELECT %1$s,
                   (SELECT count(DISTINCT p.violation_location_id)
                      FROM p JOIN violation_location l ON l.id = p.violation_location_id
                     WHERE p.%3$s AND l.first_repeat_at < :end) AS repeat_points,
                   (SELECT count(*) FROM inspection_round
                     WHERE ward_id = :ward AND started_on <= :lastDay AND ended_on >= :firstDay) AS rounds
              FROM p
            """.formatted(COUNTS, PERIOD_REPORTS, VIOLATION);

    private final DatabaseClient database;

    FiguresStore(DatabaseClient database) {
        this.database = database;
    }

    /** One row per group: the total, each category, subtype, zone, segment, unit, officer and reason. */
    Flux<Group> groups(UUID wardId, StatsPeriod period) {
        return query(GROUPS, wardId, period)
                .map(row -> new Group(
                        row.get("section", String.class),
                        row.get("category", String.class),
                        row.get("subtype", String.class),
                        row.get("zone_code", String.class),
                        row.get("segment_code", String.class),
                        row.get("unit_id", UUID.class),
                        row.get("reporter_id", UUID.class),
                        row.get("username", String.class),
                        row.get("display_name", String.class),
                        row.get("rejection_reason", String.class),
                        counts(row),
                        hours(row.get("median_hours", Double.class)),
                        hours(row.get("p90_hours", Double.class))))
                .all();
    }

    /** Zones (kind ZONE) and segments (kind SEGMENT) of the maps in force during the period. */
    Flux<Area> areas(UUID wardId, StatsPeriod period) {
        return query(AREAS, wardId, period)
                .map(row -> new Area(
                        row.get("kind", String.class), row.get("code", String.class), row.get("name", String.class)))
                .all();
    }

    Flux<UnitName> units(UUID wardId) {
        return database.sql("SELECT id, code, name, active FROM unit WHERE ward_id = :ward ORDER BY code")
                .bind("ward", wardId)
                .map(row -> new UnitName(
                        row.get("id", UUID.class),
                        row.get("code", String.class),
                        row.get("name", String.class),
                        Boolean.TRUE.equals(row.get("active", Boolean.class))))
                .all();
    }

    /** Per unit (null: no unit), the reports waiting for it at the period's end, and how many were late. */
    Flux<Workload> workloadAtEnd(UUID wardId, StatsPeriod period) {
        return query(WORKLOAD_AT_END, wardId, period)
                .map(row -> new Workload(
                        row.get("unit_id", UUID.class), row.get("open", Long.class), row.get("overdue", Long.class)))
                .all();
    }

    /** How many repeat points were active in the period, and how many became one in it. */
    Mono<long[]> repeatSummary(UUID wardId, StatsPeriod period) {
        return query(REPEAT_SUMMARY, wardId, period)
                .map(row -> new long[] {row.get("active", Long.class), row.get("new_points", Long.class)})
                .one();
    }

    Flux<RepeatPoint> topRepeatPoints(UUID wardId, StatsPeriod period, Function<String, String> categoryName) {
        return query(TOP_REPEAT_POINTS, wardId, period)
                .map(row -> {
                    String category = row.get("category", String.class);
                    return new RepeatPoint(
                            row.get("id", UUID.class),
                            category,
                            categoryName.apply(category),
                            row.get("address", String.class),
                            row.get("zone_code", String.class),
                            row.get("zone_name", String.class),
                            row.get("lat", Double.class),
                            row.get("lon", Double.class),
                            row.get("reports", Long.class),
                            row.get("repeats", Long.class),
                            row.get("reports_to_end", Long.class),
                            row.get("repeats_to_end", Long.class),
                            row.get("first_repeat_at", Instant.class));
                })
                .all();
    }

    Flux<RoundRow> rounds(UUID wardId, StatsPeriod period) {
        return query(ROUNDS, wardId, period)
                .map(row -> new RoundRow(
                        row.get("id", UUID.class),
                        row.get("title", String.class),
                        row.get("started_on", LocalDate.class),
                        row.get("ended_on", LocalDate.class),
                        row.get("reports", Long.class),
                        row.get("violations", Long.class)))
                .all();
    }

    Mono<Headline> headline(UUID wardId, StatsPeriod period) {
        return query(HEADLINE, wardId, period)
                .map(row ->
                        new Headline(counts(row), row.get("repeat_points", Long.class), row.get("rounds", Long.class)))
                .one();
    }

    /** The statement with the period's parameters it names bound. */
    private DatabaseClient.GenericExecuteSpec query(String sql, UUID wardId, StatsPeriod period) {
        var spec = database.sql(sql).bind("ward", wardId).bind("end", period.end());
        if (sql.contains(":start")) {
            spec = spec.bind("start", period.start());
        }
        if (sql.contains(":lastDay")) {
            spec = spec.bind("firstDay", period.from()).bind("lastDay", period.to());
        }
        return spec;
    }

    private static ReportCounts counts(Readable row) {
        return new ReportCounts(
                row.get("received", Long.class),
                row.get("violations", Long.class),
                row.get("duplicates", Long.class),
                row.get("rejected", Long.class),
                row.get("resolved", Long.class),
                row.get("on_time", Long.class),
                row.get("repeat_offences", Long.class));
    }

    /** Hours to one decimal. */
    private static Double hours(Double value) {
        return value == null ? null : Math.round(value * 10) / 10.0;
    }

    /** One group of {@link #GROUPS}; the key columns of other sections are null. */
    record Group(
            String section,
            String category,
            String subtype,
            String zoneCode,
            String segmentCode,
            UUID unitId,
            UUID reporterId,
            String username,
            String displayName,
            String rejectionReason,
            ReportCounts counts,
            Double medianHours,
            Double p90Hours) {}

    record Area(String kind, String code, String name) {}

    record UnitName(UUID id, String code, String name, boolean active) {}

    record Workload(UUID unitId, long open, long overdue) {}

    record Headline(ReportCounts counts, long repeatPoints, long rounds) {}
}
