package vn.urbanorder.stats;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The reporting SQL behind the province's rows: the ward figures' own definitions ({@link
 * FiguresStore#COUNTS}, {@link FiguresStore#FIRST_REPEAT}, the rounds begun in the period), each
 * read for every ward of the province in one statement grouped by ward, every ward over its own
 * period (its days in its own time zone). The workload at the end is {@link WorkloadAtEnd}'s.
 */
@Repository
class ProvinceFiguresStore {

    /** Each ward with its period's first instant and the first instant after it. */
    private static final String WARD_PERIODS = """
            w AS (SELECT * FROM unnest(CAST(:wards AS uuid[]), CAST(:starts AS timestamptz[]),
                                       CAST(:ends AS timestamptz[])) AS w (ward_id, start_at, end_at))""";

    /**
     * The rows of {@code report r} in their ward's period. The list of wards and the widest bounds
     * say again, as constants, what the join implies: with them the planner estimates the rows from
     * its statistics and walks {@code report_ward_observed} ward by ward; without them it guessed a
     * third of the table and read all of it (1.2 s against 0.4 s for a month of 126 wards and
     * 3,000,000 reports).
     */
    private static final String PERIOD_REPORTS = """
            w JOIN report r ON r.ward_id = w.ward_id AND r.observed_at >= w.start_at AND r.observed_at < w.end_at
                           AND r.ward_id = ANY (CAST(:wards AS uuid[]))
                           AND r.observed_at >= :earliest AND r.observed_at < :latest""";

    /** {@link ReportCounts} of each ward's period, as the ward figures' totals count them. */
    private static final String COUNTS = """
            WITH %s
            SELECT w.ward_id, %s
              FROM %s
             GROUP BY w.ward_id
            """.formatted(WARD_PERIODS, FiguresStore.COUNTS, PERIOD_REPORTS);

    /**
     * Each ward's active repeat points: locations with a violation in the period that had become
     * repeat points by its end, as the ward figures' {@code repeatPoints.active} counts them.
     */
    private static final String REPEAT_POINTS =
            """
            WITH %1$s,
            per AS (
                SELECT r.ward_id, r.violation_location_id AS id, w.end_at
                  FROM %2$s
                 WHERE report_violation(r.status) AND r.violation_location_id IS NOT NULL
                 GROUP BY r.ward_id, r.violation_location_id, w.end_at),
            dated AS (SELECT per.*, %3$s AS first_repeat_at FROM per)
            SELECT ward_id, count(*) AS active
              FROM dated
             WHERE first_repeat_at < end_at
             GROUP BY ward_id
            """.formatted(WARD_PERIODS, PERIOD_REPORTS, FiguresStore.FIRST_REPEAT.formatted("per.id"));

    /** Each ward's inspection rounds begun in the period (the days are the same in every ward). */
    private static final String ROUNDS = """
            SELECT ward_id, count(*) AS rounds
              FROM inspection_round
             WHERE ward_id = ANY (CAST(:wards AS uuid[]))
               AND started_on >= :firstDay AND started_on <= :lastDay AND ended_on >= :firstDay
             GROUP BY ward_id
            """;

    /** By ward; a ward without reports in its period is absent. */
    Mono<Map<UUID, ReportCounts>> counts(DatabaseClient database, List<StatsScope> wards) {
        return periods(database.sql(COUNTS), wards)
                .map(row -> Map.entry(row.get("ward_id", UUID.class), FiguresStore.counts(row)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** By ward; a ward without an active repeat point is absent. */
    Mono<Map<UUID, Long>> repeatPoints(DatabaseClient database, List<StatsScope> wards) {
        return periods(database.sql(REPEAT_POINTS), wards)
                .map(row -> Map.entry(row.get("ward_id", UUID.class), row.get("active", Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** By ward; a ward without a round begun in the period is absent. */
    Mono<Map<UUID, Long>> rounds(DatabaseClient database, List<StatsScope> wards, StatsPeriod period) {
        return database.sql(ROUNDS)
                .bind("wards", wards.stream().map(scope -> scope.ward().id()).toArray(UUID[]::new))
                .bind("firstDay", period.from())
                .bind("lastDay", period.to())
                .map(row -> Map.entry(row.get("ward_id", UUID.class), row.get("rounds", Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private static DatabaseClient.GenericExecuteSpec periods(
            DatabaseClient.GenericExecuteSpec sql, List<StatsScope> wards) {
        return sql.bind("wards", wards.stream().map(scope -> scope.ward().id()).toArray(UUID[]::new))
                .bind(
                        "starts",
                        wards.stream()
                                .map(scope -> scope.period().start().toString())
                                .toArray(String[]::new))
                .bind(
                        "ends",
                        wards.stream()
                                .map(scope -> scope.period().end().toString())
                                .toArray(String[]::new))
                .bind(
                        "earliest",
                        wards.stream()
                                .map(scope -> scope.period().start())
                                .min(Instant::compareTo)
                                .orElseThrow())
                .bind(
                        "latest",
                        wards.stream()
                                .map(scope -> scope.period().end())
                                .max(Instant::compareTo)
                                .orElseThrow());
    }
}
