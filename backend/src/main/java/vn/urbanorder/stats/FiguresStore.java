package vn.urbanorder.stats;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.urbanorder.shared.Binds;
import vn.urbanorder.stats.PeriodFigures.RepeatPoint;
import vn.urbanorder.stats.PeriodFigures.RoundRow;

/**
 * The reporting SQL behind a period's figures. Every figure is read from the reports as they
 * were placed at intake (zone and segment rows are never changed, only closed) and as they stand
 * now; the workload at the period's end is read back from the audit trail. Every query runs on
 * the database it is handed: the read replica while it is close enough behind ({@link
 * vn.urbanorder.shared.ReportingReads}), else the primary.
 */
@Repository
class FiguresStore {

    /** The counts of {@link ReportCounts}, over rows of {@code report}. */
    static final String COUNTS = """
            count(*) AS received,
            count(*) FILTER (WHERE report_violation(status)) AS violations,
            count(*) FILTER (WHERE status = 'DUPLICATE') AS duplicates,
            count(*) FILTER (WHERE status = 'REJECTED') AS rejected,
            count(*) FILTER (WHERE report_cleared(status)) AS resolved,
            count(*) FILTER (WHERE report_resolved_on_time(status, due_at, resolved_at)) AS on_time,
            count(*) FILTER (WHERE report_violation(status) AND 'REPEAT_OFFENCE' = ANY (flags)) AS repeat_offences""";

    private static final String PERIOD_REPORTS = "ward_id = :ward AND observed_at >= :start AND observed_at < :end";

    /**
     * One pass over the period's reports, grouped every way the figures break down. Each row is
     * narrowed to its keys and yes/no columns first, so the grouping stays in memory.
     */
    private static final String GROUPS = """
            WITH p AS MATERIALIZED (
                SELECT r.category, r.subtype, z.code AS zone_code, s.code AS segment_code,
                       r.assigned_unit_id AS unit_id, r.reporter_id, r.rejection_reason,
                       to_char(r.observed_at AT TIME ZONE :zone, 'YYYY-MM') AS month,
                       report_violation(r.status) AS violation,
                       r.status = 'DUPLICATE' AS duplicate,
                       r.status = 'REJECTED' AS rejected,
                       report_cleared(r.status) AS resolved,
                       report_resolved_on_time(r.status, r.due_at, r.resolved_at) AS on_time,
                       report_violation(r.status) AND 'REPEAT_OFFENCE' = ANY (r.flags) AS repeat_offence
                  FROM report r
                  LEFT JOIN zone z ON z.id = r.zone_id
                  LEFT JOIN zone s ON s.id = r.segment_id
                 WHERE r.%1$s),
            g AS (
                SELECT CASE WHEN GROUPING(subtype) = 0 THEN 'SUBTYPE'
                            WHEN GROUPING(category) = 0 THEN 'CATEGORY'
                            WHEN GROUPING(zone_code) = 0 THEN 'ZONE'
                            WHEN GROUPING(segment_code) = 0 THEN 'SEGMENT'
                            WHEN GROUPING(unit_id) = 0 THEN 'UNIT'
                            WHEN GROUPING(reporter_id) = 0 THEN 'REPORTER'
                            WHEN GROUPING(rejection_reason) = 0 THEN 'REJECTION'
                            WHEN GROUPING(month) = 0 THEN 'MONTH'
                            ELSE 'TOTAL' END AS section,
                       category, subtype, zone_code, segment_code, unit_id, reporter_id, rejection_reason, month,
                       count(*) AS received,
                       count(*) FILTER (WHERE violation) AS violations,
                       count(*) FILTER (WHERE duplicate) AS duplicates,
                       count(*) FILTER (WHERE rejected) AS rejected,
                       count(*) FILTER (WHERE resolved) AS resolved,
                       count(*) FILTER (WHERE on_time) AS on_time,
                       count(*) FILTER (WHERE repeat_offence) AS repeat_offences
                  FROM p
                 GROUP BY GROUPING SETS ((), (category), (category, subtype), (zone_code), (segment_code),
                                         (unit_id), (reporter_id), (rejection_reason), (month)))
            SELECT g.*, u.username, u.display_name
              FROM g LEFT JOIN app_user u ON u.id = g.reporter_id
            """.formatted(PERIOD_REPORTS);

    /** Per unit, the median and 90th percentile of hours from receipt to resolution. */
    private static final String UNIT_HOURS = """
            SELECT assigned_unit_id AS unit_id,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - received_at) / 3600)
                       AS median_hours,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - received_at) / 3600)
                       AS p90_hours
              FROM report
             WHERE %s AND report_cleared(status)
             GROUP BY assigned_unit_id
            """.formatted(PERIOD_REPORTS);

    /**
     * Every zone and segment code the ward's maps ever had, with its latest name in force during
     * the period, or (for a code no map of the period has) its latest name of all.
     */
    private static final String AREAS = """
            SELECT DISTINCT ON (kind, code) kind, code, name,
                   valid_from < :end AND (valid_to IS NULL OR valid_to > :start) AS in_force
              FROM zone
             WHERE ward_id = :ward
             ORDER BY kind, code, in_force DESC, valid_from DESC
            """;

    /**
     * A repeat offence as intake decided it and as it stands: flagged at intake, neither a
     * duplicate nor rejected since. The same words as the partial index {@code report_repeat_offence}
     * (V25), so PostgreSQL answers from it.
     */
    private static final String REPEAT_OFFENCE =
            "'REPEAT_OFFENCE' = ANY (%1$s.flags) AND report_violation(%1$s.status)";

    /**
     * When a location became a repeat point: its first repeat offence observed, by intake's flags,
     * so a later change to another report there (a reopened clearing) does not move it.
     */
    static final String FIRST_REPEAT = """
            (SELECT min(f.observed_at) FROM report f WHERE f.violation_location_id = %s AND %s)""".formatted("%s", REPEAT_OFFENCE.formatted("f"));

    /** The period's violations at each location that was a repeat point by the period's end. */
    private static final String ACTIVE_REPEAT_POINTS = """
            WITH per AS (
                SELECT violation_location_id AS id, count(*) AS reports,
                       count(*) FILTER (WHERE 'REPEAT_OFFENCE' = ANY (flags)) AS repeats
                  FROM report
                 WHERE %1$s AND report_violation(status) AND violation_location_id IS NOT NULL
                 GROUP BY violation_location_id),
            dated AS (SELECT per.*, %2$s AS first_repeat_at FROM per)
            SELECT l.id, l.category, l.lat, l.lon, l.zone_id, d.first_repeat_at, d.reports, d.repeats
              FROM dated d JOIN violation_location l ON l.id = d.id
             WHERE d.first_repeat_at < :end
            """.formatted(PERIOD_REPORTS, FIRST_REPEAT.formatted("per.id"));

    /**
     * How many repeat points were active in the period and how many became one in it (their first
     * repeat offence observed in it), with the active points with the most violations in the
     * period first, as many as {@code :listed} asks (NULL: every one): the address of their first
     * report that gave one, and their counts up to the period's end (not beyond, so a past period's
     * list does not change). One row with no point when none was active.
     */
    private static final String REPEAT_POINTS = """
            WITH active AS MATERIALIZED (%1$s),
            top AS (SELECT * FROM active ORDER BY reports DESC, repeats DESC, first_repeat_at, id LIMIT :listed)
            SELECT (SELECT count(*) FROM active) AS active_points,
                   (SELECT count(DISTINCT r.violation_location_id) FROM report r
                     WHERE r.%2$s AND %3$s AND r.violation_location_id IS NOT NULL
                       AND NOT EXISTS (SELECT 1 FROM report e
                                        WHERE e.violation_location_id = r.violation_location_id
                                          AND %4$s AND e.observed_at < :start)) AS new_points,
                   t.*, z.code AS zone_code, z.name AS zone_name,
                   (SELECT r.address_text FROM report r
                     WHERE r.violation_location_id = t.id AND r.address_text IS NOT NULL
                     ORDER BY r.observed_at, r.id LIMIT 1) AS address,
                   (SELECT count(*) FROM report r
                     WHERE r.violation_location_id = t.id AND r.observed_at < :end AND report_violation(r.status)) AS reports_to_end,
                   (SELECT count(*) FROM report r
                     WHERE r.violation_location_id = t.id AND r.observed_at < :end AND report_violation(r.status)
                       AND 'REPEAT_OFFENCE' = ANY (r.flags)) AS repeats_to_end
              FROM (SELECT 1) one
              LEFT JOIN top t ON true
              LEFT JOIN zone z ON z.id = t.zone_id
             ORDER BY t.reports DESC, t.repeats DESC, t.first_repeat_at, t.id
            """.formatted(
                    ACTIVE_REPEAT_POINTS, PERIOD_REPORTS, REPEAT_OFFENCE.formatted("r"), REPEAT_OFFENCE.formatted("e"));

    /** Rounds whose days overlap the period, with the period's reports found on each. */
    private static final String ROUNDS = """
            SELECT ir.id, ir.title, ir.started_on, ir.ended_on, ir.started_on >= :firstDay AS started_in_period,
                   found.reports, found.violations
              FROM inspection_round ir
             CROSS JOIN LATERAL (
                   SELECT count(*) AS reports, count(*) FILTER (WHERE report_violation(r.status)) AS violations
                     FROM report r
                    WHERE r.inspection_round_id = ir.id AND r.observed_at >= :start AND r.observed_at < :end) found
             WHERE ir.ward_id = :ward AND ir.started_on <= :lastDay AND ir.ended_on >= :firstDay
             ORDER BY ir.started_on, ir.title, ir.id
            """;

    /** The headline figures alone, for the period a report is compared with. */
    private static final String HEADLINE =
            """
            WITH p AS MATERIALIZED (
                SELECT status, flags, due_at, resolved_at, violation_location_id FROM report WHERE %2$s)
            SELECT %1$s,
                   (SELECT count(DISTINCT p.violation_location_id) FROM p
                     WHERE report_violation(p.status) AND p.violation_location_id IS NOT NULL
                       AND %3$s < :end) AS repeat_points,
                   (SELECT count(*) FROM inspection_round
                     WHERE ward_id = :ward AND started_on BETWEEN :firstDay AND :lastDay) AS rounds
              FROM p
            """.formatted(COUNTS, PERIOD_REPORTS, FIRST_REPEAT.formatted("p.violation_location_id"));

    /**
     * One row per group: the total, each category, subtype, zone, segment, unit, officer, reason
     * and calendar month (YYYY-MM in the ward's time zone).
     */
    Flux<Group> groups(DatabaseClient database, UUID wardId, StatsPeriod period) {
        return query(database, GROUPS, wardId, period)
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
                        row.get("month", String.class),
                        counts(row)))
                .all();
    }

    /** Per unit (null: none), hours from receipt to resolution: median and 90th percentile. */
    Flux<UnitHours> unitHours(DatabaseClient database, UUID wardId, StatsPeriod period) {
        return query(database, UNIT_HOURS, wardId, period)
                .map(row -> new UnitHours(
                        row.get("unit_id", UUID.class),
                        hours(row.get("median_hours", Double.class)),
                        hours(row.get("p90_hours", Double.class))))
                .all();
    }

    /** Zones (kind ZONE) and segments (kind SEGMENT) of the maps in force during the period. */
    Flux<Area> areas(DatabaseClient database, UUID wardId, StatsPeriod period) {
        return query(database, AREAS, wardId, period)
                .map(row -> new Area(
                        row.get("kind", String.class),
                        row.get("code", String.class),
                        row.get("name", String.class),
                        Boolean.TRUE.equals(row.get("in_force", Boolean.class))))
                .all();
    }

    Flux<UnitName> units(DatabaseClient database, UUID wardId) {
        return database.sql("SELECT id, code, name, active FROM unit WHERE ward_id = :ward ORDER BY code")
                .bind("ward", wardId)
                .map(row -> new UnitName(
                        row.get("id", UUID.class),
                        row.get("code", String.class),
                        row.get("name", String.class),
                        Boolean.TRUE.equals(row.get("active", Boolean.class))))
                .all();
    }

    /**
     * The repeat points of the period: how many active and new, and the active ones, most
     * violations first.
     *
     * @param listed how many active points to list; null for every one
     */
    Mono<RepeatFound> repeatPoints(
            DatabaseClient database,
            UUID wardId,
            StatsPeriod period,
            Function<String, String> categoryName,
            @Nullable Integer listed) {
        return Binds.nullable(query(database, REPEAT_POINTS, wardId, period), "listed", listed, Integer.class)
                .map(row -> {
                    long active = row.get("active_points", Long.class);
                    long fresh = row.get("new_points", Long.class);
                    UUID id = row.get("id", UUID.class);
                    if (id == null) {
                        return new PointRow(active, fresh, null);
                    }
                    String category = row.get("category", String.class);
                    return new PointRow(
                            active,
                            fresh,
                            new RepeatPoint(
                                    id,
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
                                    row.get("first_repeat_at", Instant.class)));
                })
                .all()
                .collectList()
                .map(rows -> new RepeatFound(
                        rows.get(0).activePoints(),
                        rows.get(0).newPoints(),
                        rows.stream()
                                .map(PointRow::point)
                                .filter(Objects::nonNull)
                                .toList()));
    }

    private record PointRow(
            long activePoints, long newPoints, @Nullable RepeatPoint point) {}

    /** Repeat points active in the period, those new in it, and those listed of the active ones. */
    record RepeatFound(long active, long newInPeriod, List<RepeatPoint> listed) {}

    Flux<RoundRow> rounds(DatabaseClient database, UUID wardId, StatsPeriod period) {
        return query(database, ROUNDS, wardId, period)
                .map(row -> new RoundRow(
                        row.get("id", UUID.class),
                        row.get("title", String.class),
                        row.get("started_on", LocalDate.class),
                        row.get("ended_on", LocalDate.class),
                        Boolean.TRUE.equals(row.get("started_in_period", Boolean.class)),
                        row.get("reports", Long.class),
                        row.get("violations", Long.class)))
                .all();
    }

    Mono<Headline> headline(DatabaseClient database, UUID wardId, StatsPeriod period) {
        return query(database, HEADLINE, wardId, period)
                .map(row ->
                        new Headline(counts(row), row.get("repeat_points", Long.class), row.get("rounds", Long.class)))
                .one();
    }

    /** The statement with the period's parameters it names bound. */
    private static DatabaseClient.GenericExecuteSpec query(
            DatabaseClient database, String sql, UUID wardId, StatsPeriod period) {
        var spec = database.sql(sql).bind("ward", wardId).bind("end", period.end());
        if (sql.contains(":start")) {
            spec = spec.bind("start", period.start());
        }
        if (sql.contains(":zone")) {
            spec = spec.bind("zone", period.timeZone().getId());
        }
        if (sql.contains(":lastDay")) {
            spec = spec.bind("firstDay", period.from()).bind("lastDay", period.to());
        }
        return spec;
    }

    static ReportCounts counts(Readable row) {
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
    private static @Nullable Double hours(@Nullable Double value) {
        return value == null ? null : Math.round(value * 10) / 10.0;
    }

    /** One group of {@link #GROUPS}; the key columns of other sections are null. */
    record Group(
            String section,
            @Nullable String category,
            @Nullable String subtype,
            @Nullable String zoneCode,
            @Nullable String segmentCode,
            @Nullable UUID unitId,
            @Nullable UUID reporterId,
            @Nullable String username,
            @Nullable String displayName,
            @Nullable String rejectionReason,
            @Nullable String month,
            ReportCounts counts) {}

    record UnitHours(
            @Nullable UUID unitId,
            @Nullable Double medianHours,
            @Nullable Double p90Hours) {}

    /** A zone or segment by code; {@code inForce} when a map of the period had it. */
    record Area(String kind, String code, String name, boolean inForce) {}

    record UnitName(UUID id, String code, String name, boolean active) {}

    record Headline(ReportCounts counts, long repeatPoints, long rounds) {}
}
