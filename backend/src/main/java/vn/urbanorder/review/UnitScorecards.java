package vn.urbanorder.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.urbanorder.assignment.Units;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.identity.Role;
import vn.urbanorder.shared.InvalidRequestException;
import vn.urbanorder.shared.ProblemException;
import vn.urbanorder.ward.WardDirectory;

/**
 * Unit scorecards for the ward admin, the inspectors and the unit's own staff: how many reports
 * the unit got, how many it resolved, how many on time and how fast, and how its resolutions
 * fared with the inspectors. Read from the reports and reviews in one statement.
 */
@Service
public class UnitScorecards {

    /** The longest period one scorecard covers. */
    static final int MAX_DAYS = 366;

    private static final String SQL = """
            WITH assigned AS (
                SELECT r.id, r.received_at, r.resolved_at, r.due_at, r.status
                  FROM report r
                 WHERE r.ward_id = :ward AND r.assigned_unit_id = :unit
                   AND r.received_at >= :from AND r.received_at < :to),
            resolved AS (SELECT * FROM assigned WHERE report_cleared(status) AND resolved_at IS NOT NULL),
            first_verdict AS (
                SELECT DISTINCT ON (v.report_id) v.report_id, v.verdict
                  FROM review v JOIN assigned a ON a.id = v.report_id
                 WHERE v.verdict IN ('CONFIRMED', 'DISPUTED')
                 ORDER BY v.report_id, v.created_at, v.id)
            SELECT (SELECT count(*) FROM assigned) AS assigned,
                   (SELECT count(*) FROM resolved) AS resolved,
                   (SELECT count(*) FROM resolved WHERE report_resolved_on_time(status, due_at, resolved_at)) AS on_time,
                   (SELECT percentile_cont(0.5) WITHIN GROUP
                           (ORDER BY extract(epoch FROM resolved_at - received_at) / 3600) FROM resolved) AS median_hours,
                   (SELECT count(*) FROM first_verdict) AS reviewed,
                   (SELECT count(*) FROM first_verdict WHERE verdict = 'CONFIRMED') AS confirmed_first,
                   (SELECT count(DISTINCT v.report_id) FROM review v JOIN assigned a ON a.id = v.report_id
                     WHERE v.verdict = 'DISPUTED') AS disputed
            """;

    private final DatabaseClient database;
    private final Units units;
    private final WardDirectory wards;
    private final Clock clock;

    UnitScorecards(DatabaseClient database, Units units, WardDirectory wards, Clock clock) {
        this.database = database;
        this.units = units;
        this.wards = wards;
        this.clock = clock;
    }

    /**
     * The unit's scorecard for the days from {@code from} to {@code to}, both included, in the
     * ward's calendar (the last 30 days by default). 404 for another ward's unit; 403 for patrols
     * and for other units' staff; 422 for a period backwards or longer than a year.
     */
    public Mono<Scorecard> of(Caller caller, UUID unitId, @Nullable LocalDate from, @Nullable LocalDate to) {
        boolean mayRead = caller.has(Role.WARD_ADMIN)
                || caller.has(Role.INSPECTOR)
                || (caller.has(Role.UNIT_STAFF) && unitId.equals(caller.unitId()));
        return units.find(caller, unitId)
                .then(
                        mayRead
                                ? Mono.empty()
                                : Mono.error(
                                        ProblemException.forbidden("Bạn không được xem bảng điểm của đơn vị này.")))
                .then(wards.findById(caller.wardId()))
                .flatMap(ward -> {
                    LocalDate last = to != null
                            ? to
                            : clock.instant().atZone(ward.timeZone()).toLocalDate();
                    LocalDate first = from != null ? from : last.minusDays(29);
                    if (last.isBefore(first) || first.plusDays(MAX_DAYS - 1).isBefore(last)) {
                        return Mono.error(InvalidRequestException.of(
                                "to", "Khoảng thời gian phải từ 1 đến " + MAX_DAYS + " ngày, không ngược."));
                    }
                    return database.sql(SQL)
                            .bind("ward", ward.id())
                            .bind("unit", unitId)
                            .bind("from", first.atStartOfDay(ward.timeZone()).toInstant())
                            .bind(
                                    "to",
                                    last.plusDays(1)
                                            .atStartOfDay(ward.timeZone())
                                            .toInstant())
                            .map(row -> {
                                long resolved = row.get("resolved", Long.class);
                                long reviewed = row.get("reviewed", Long.class);
                                Double median = row.get("median_hours", Double.class);
                                return new Scorecard(
                                        unitId,
                                        first,
                                        last,
                                        row.get("assigned", Long.class),
                                        resolved,
                                        percent(row.get("on_time", Long.class), resolved),
                                        median == null ? null : Math.round(median * 10) / 10.0,
                                        reviewed,
                                        percent(row.get("confirmed_first", Long.class), reviewed),
                                        percent(row.get("disputed", Long.class), reviewed));
                            })
                            .one();
                });
    }

    /** A share in percent to one decimal; null when there is nothing to share. */
    private static @Nullable Double percent(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }
}
