package vn.urbanorder.location;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.urbanorder.shared.Binds;
import vn.urbanorder.shared.GeoPoint;
import vn.urbanorder.shared.Proximity;

/**
 * The {@code violation_location} table. Counts are recomputed from the {@code report} table, which
 * the report feature owns and this one only reads (it places reports through {@code ReportPlacement}).
 */
@Repository
class LocationStore {

    private static final String SELECT = """
            SELECT l.id, l.category, l.lat, l.lon, l.zone_id, z.code AS zone_code, l.created_at, l.report_count,
                   l.repeat_count, l.first_seen_at, l.last_seen_at, l.first_repeat_at
              FROM violation_location l
              LEFT JOIN zone z ON z.id = l.zone_id
            """;

    /**
     * The repeat rule, the one place it is written: a report that stands as a violation is a repeat
     * offence at its location when a report there was cleared (RESOLVED or VERIFIED) before it was
     * observed, that is, when it was observed after the location's first clearing (a report's own
     * clearing always comes after its observation). Intake judges a new report by it, a recount
     * counts a location's reports by it, and the workflow judges a duplicate undone by it.
     *
     * @param violation SQL that is true when the report stands as a violation
     * @param observed SQL for when the report was observed
     * @param firstCleared SQL for {@link #firstCleared} of the report's location
     */
    private static String repeatOffence(String violation, String observed, String firstCleared) {
        return "(" + violation + " AND " + observed + " > " + firstCleared + ")";
    }

    /**
     * When a report at the location was first cleared; null when none was. One probe of the
     * partial index {@code report_location_cleared} however many reports the place has.
     */
    private static String firstCleared(String location) {
        return "(SELECT min(p.resolved_at) FROM report p WHERE p.violation_location_id = " + location
                + " AND report_cleared(p.status))";
    }

    /**
     * The SET clause that counts one more report, observed at {@code :observed}, at location
     * {@code l}; least and greatest skip the nulls of a location that had none.
     *
     * @param repeatOffence SQL that is true when the report is a repeat offence there
     */
    private static String oneMore(String repeatOffence) {
        return ("report_count = l.report_count + 1,"
                        + " repeat_count = l.repeat_count + CASE WHEN %1$s THEN 1 ELSE 0 END,"
                        + " first_repeat_at = CASE WHEN %1$s THEN least(l.first_repeat_at, :observed)"
                        + " ELSE l.first_repeat_at END,"
                        + " first_seen_at = least(l.first_seen_at, :observed),"
                        + " last_seen_at = greatest(l.last_seen_at, :observed)")
                .formatted(repeatOffence);
    }

    /** Sets each chosen location's counts from its reports, in one pass over them. */
    private static final String RECOUNT = """
            UPDATE violation_location l
               SET report_count = s.reports, repeat_count = s.repeats, first_repeat_at = s.first_repeat,
                   first_seen_at = s.first_seen, last_seen_at = s.last_seen
              FROM (SELECT c.id,
                           count(r.id) AS reports,
                           count(r.id) FILTER (WHERE REPEAT) AS repeats,
                           min(r.observed_at) FILTER (WHERE REPEAT) AS first_repeat,
                           min(r.observed_at) AS first_seen,
                           max(r.observed_at) AS last_seen
                      FROM violation_location c
                      LEFT JOIN LATERAL (SELECT FIRST_CLEARED AS first_cleared) f ON true
                      LEFT JOIN report r ON r.violation_location_id = c.id
                     WHERE %s
                     GROUP BY c.id) s
             WHERE l.id = s.id
            """.replace(
                    "REPEAT", repeatOffence("report_violation(r.status)", "r.observed_at", "f.first_cleared"))
            .replace("FIRST_CLEARED", firstCleared("c.id"));

    /**
     * What a location is: a place at least one report is at. Once every report there has left it
     * (rejected as not a violation), it is empty, and an empty location is no location: it captures
     * no report ({@link #nearest}, for intake and rebuilding alike) and the change that empties it
     * removes it ({@link #recount}), so intake leaves what a rebuild would make, where it never was.
     */
    private static final String HAS_REPORTS = "EXISTS (SELECT 1 FROM report r WHERE r.violation_location_id = l.id)";

    /** Within the radius, with a micrometre allowed for rounding, so a point exactly at the radius joins. */
    private static final double ROUNDING_M = 1e-6;

    /**
     * The location of the ward and category whose anchor lies nearest the point, within the radius,
     * among those with a report: the one way intake and rebuilding find the location a report joins.
     */
    private static final String NEAREST = "SELECT id FROM (SELECT l.id, " + Proximity.haversineSql("l")
            + " AS distance_m FROM violation_location l WHERE l.ward_id = :ward AND l.category = :category"
            + " AND l.anchor <@ box(point(:minLon, :minLat), point(:maxLon, :maxLat))"
            + " AND " + HAS_REPORTS + ") near"
            + " WHERE distance_m <= :radius ORDER BY distance_m, id LIMIT 1";

    /**
     * A new report placed, in one statement: the location it joins ({@link #NEAREST}) with what it
     * meets there (the oldest report waiting to be handled, which it duplicates; else whether it is
     * a {@link #repeatOffence}), counted there, or a new location started at its point and counting
     * it. A new report changes no other report's standing, so counting it equals a recount without
     * reading the location's other reports.
     */
    private static final String PLACE = """
            WITH found AS MATERIALIZED (%1$s),
            met AS (
                SELECT f.id,
                       (SELECT w.id FROM report w WHERE w.violation_location_id = f.id AND report_waiting(w.status)
                         ORDER BY w.observed_at, w.id LIMIT 1) AS waiting,
                       %2$s AS first_cleared
                  FROM found f),
            judged AS (
                SELECT id, waiting AS duplicate_of, coalesce(%3$s, false) AS repeat_offence FROM met),
            counted AS (
                UPDATE violation_location l SET %4$s
                  FROM judged j
                 WHERE l.id = j.id
                RETURNING l.id),
            started AS (
                INSERT INTO violation_location (id, ward_id, category, lat, lon, zone_id, created_at, report_count,
                                                first_seen_at, last_seen_at)
                SELECT :report, :ward, :category, :lat, :lon, :zone, :now, 1, :observed, :observed
                 WHERE NOT EXISTS (SELECT 1 FROM found)
                RETURNING id)
            SELECT j.id, false AS started, j.duplicate_of, j.repeat_offence FROM judged j JOIN counted c ON c.id = j.id
            UNION ALL
            SELECT s.id, true, NULL, false FROM started s
            """.formatted(
                    NEAREST,
                    firstCleared("f.id"),
                    repeatOffence("waiting IS NULL", ":observed", "first_cleared"),
                    oneMore("j.repeat_offence"))
            // One space for each run of white space: the driver parses the text of every statement it runs.
            .replaceAll("\\s+", " ");

    private final DatabaseClient database;

    LocationStore(DatabaseClient database) {
        this.database = database;
    }

    Mono<UUID> nearest(UUID wardId, String category, GeoPoint point, double radiusM) {
        return database.sql(NEAREST)
                .bindValues(near(wardId, category, point, radiusM))
                .map(row -> row.get("id", UUID.class))
                .one();
    }

    /**
     * Places a new report observed at that moment, under the locks of its search box: see {@link
     * #PLACE}. A location it starts takes the report's id and the zone given.
     */
    Mono<Placed> place(
            UUID wardId,
            String category,
            GeoPoint point,
            double radiusM,
            @Nullable UUID zoneId,
            UUID reportId,
            Instant observedAt,
            Instant now) {
        Map<String, Object> values = near(wardId, category, point, radiusM);
        values.put("report", reportId);
        values.put("observed", observedAt);
        values.put("now", now);
        values.put("zone", Parameter.fromOrEmpty(zoneId, UUID.class));
        return database.sql(PLACE)
                .bindValues(values)
                .map(row -> new Placed(
                        row.get("id", UUID.class),
                        Boolean.TRUE.equals(row.get("started", Boolean.class)),
                        row.get("duplicate_of", UUID.class),
                        Boolean.TRUE.equals(row.get("repeat_offence", Boolean.class))))
                .one();
    }

    /**
     * @param started whether the report starts the location
     * @param duplicateOf the oldest report there waiting to be handled, if any
     * @param repeatOffence whether the report, not being a duplicate, is a repeat offence there
     */
    record Placed(
            UUID locationId, boolean started, @Nullable UUID duplicateOf, boolean repeatOffence) {}

    /** Whether a report at the location that stands as a violation, observed then, is a {@link #repeatOffence}. */
    Mono<Boolean> repeatOffenceAt(UUID locationId, Instant observedAt) {
        return database.sql("SELECT coalesce(" + repeatOffence("true", ":observed", firstCleared(":location"))
                        + ", false) AS repeat_offence")
                .bind("location", locationId)
                .bind("observed", observedAt)
                .map(row -> row.get("repeat_offence", Boolean.class))
                .one();
    }

    /** {@link #NEAREST}'s parameters, bound at once (a spec copies its bindings at every single bind). */
    private static Map<String, Object> near(UUID wardId, String category, GeoPoint point, double radiusM) {
        Proximity.Box box = Proximity.around(point, radiusM);
        Map<String, Object> values = new HashMap<>();
        values.put("ward", wardId);
        values.put("category", category);
        values.put("lat", point.lat());
        values.put("lon", point.lon());
        values.put("minLon", box.minLon());
        values.put("minLat", box.minLat());
        values.put("maxLon", box.maxLon());
        values.put("maxLat", box.maxLat());
        values.put("radius", radiusM + ROUNDING_M);
        return values;
    }

    Mono<Void> insert(UUID id, UUID wardId, String category, GeoPoint anchor, @Nullable UUID zoneId, Instant now) {
        var insert = database.sql(
                        "INSERT INTO violation_location (id, ward_id, category, lat, lon, zone_id, created_at)"
                                + " VALUES (:id, :ward, :category, :lat, :lon, :zone, :now)")
                .bind("id", id)
                .bind("ward", wardId)
                .bind("category", category)
                .bind("lat", anchor.lat())
                .bind("lon", anchor.lon())
                .bind("now", now);
        return Binds.nullable(insert, "zone", zoneId, UUID.class).then();
    }

    /** One more report at the location; least and greatest skip the nulls of a new location. */
    Mono<Void> countNew(UUID locationId, Instant observedAt, boolean repeatOffence) {
        return database.sql("UPDATE violation_location l SET " + oneMore(":repeat") + " WHERE l.id = :id")
                .bind("repeat", repeatOffence)
                .bind("observed", observedAt)
                .bind("id", locationId)
                .then();
    }

    /** The location's counts from its reports; an emptied location is removed. */
    Mono<Void> recount(UUID locationId) {
        return database.sql(RECOUNT.formatted("c.id = :id"))
                .bind("id", locationId)
                .then()
                .then(database.sql("DELETE FROM violation_location l WHERE l.id = :id AND NOT " + HAS_REPORTS)
                        .bind("id", locationId)
                        .then());
    }

    Mono<Void> recountAll(UUID wardId, String category) {
        return database.sql(RECOUNT.formatted("c.ward_id = :ward AND c.category = :category"))
                .bind("ward", wardId)
                .bind("category", category)
                .then();
    }

    Mono<ViolationLocation> find(UUID wardId, UUID id) {
        return database.sql(SELECT + " WHERE l.ward_id = :ward AND l.id = :id")
                .bind("ward", wardId)
                .bind("id", id)
                .map(LocationStore::toLocation)
                .one();
    }

    /** A page of the ward's locations that have reports, one more than the limit to tell whether more follow. */
    Flux<ViolationLocation> list(UUID wardId, LocationFilter filter) {
        var sql = new StringBuilder(SELECT).append(" WHERE l.ward_id = :ward AND l.report_count > 0");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("ward", wardId);
        if (filter.repeat() != null) {
            sql.append(filter.repeat() ? " AND l.repeat_count > 0" : " AND l.repeat_count = 0");
        }
        if (filter.category() != null) {
            sql.append(" AND l.category = :category");
            values.put("category", filter.category());
        }
        if (filter.zoneId() != null) {
            sql.append(" AND l.zone_id = :zone");
            values.put("zone", filter.zoneId());
        }
        if (filter.bbox() != null) {
            sql.append(" AND l.anchor <@ box(point(:minLon, :minLat), point(:maxLon, :maxLat))");
            values.putAll(Map.of(
                    "minLon", filter.bbox().minLon(),
                    "minLat", filter.bbox().minLat(),
                    "maxLon", filter.bbox().maxLon(),
                    "maxLat", filter.bbox().maxLat()));
        }
        if (filter.from() != null || filter.to() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM report r WHERE r.violation_location_id = l.id");
            if (filter.from() != null) {
                sql.append(" AND r.observed_at >= :from");
                values.put("from", filter.from());
            }
            if (filter.to() != null) {
                sql.append(" AND r.observed_at < :to");
                values.put("to", filter.to());
            }
            sql.append(")");
        }
        boolean byRepeats = filter.sort() == LocationSort.REPEAT_COUNT;
        if (filter.cursor() != null) {
            sql.append(
                    byRepeats
                            ? " AND (l.repeat_count, l.id) < (:cursorKey, :cursorId)"
                            : " AND (l.last_seen_at, l.id) < (:cursorKey, :cursorId)");
            values.put(
                    "cursorKey",
                    byRepeats ? filter.cursor().repeatCount() : filter.cursor().lastSeenAt());
            values.put("cursorId", filter.cursor().id());
        }
        sql.append(byRepeats ? " ORDER BY l.repeat_count DESC, l.id DESC" : " ORDER BY l.last_seen_at DESC, l.id DESC");
        sql.append(" LIMIT :limit");
        values.put("limit", filter.limit() + 1);
        var spec = database.sql(sql.toString());
        for (var value : values.entrySet()) {
            spec = spec.bind(value.getKey(), value.getValue());
        }
        return spec.map(LocationStore::toLocation).all();
    }

    /** Forgets the ward's locations of the category; no report may be at one of them any more. */
    Mono<Void> clear(UUID wardId, String category) {
        return database.sql("DELETE FROM violation_location WHERE ward_id = :ward AND category = :category")
                .bind("ward", wardId)
                .bind("category", category)
                .then();
    }

    /**
     * The next reports of the ward and category to place, oldest observation first, after the
     * given one. Reports rejected as not a violation count toward nothing and are left out.
     */
    Flux<PlacedReport> reportsAfter(UUID wardId, String category, @Nullable PlacedReport after, int batch) {
        var spec = database.sql("SELECT id, lat, lon, zone_id, observed_at, received_at FROM report"
                        + " WHERE ward_id = :ward AND category = :category"
                        + " AND report_counts_at_location(status, rejection_reason)"
                        + (after == null ? "" : " AND (observed_at, id) > (:at, :id)")
                        + " ORDER BY observed_at, id LIMIT :batch")
                .bind("ward", wardId)
                .bind("category", category)
                .bind("batch", batch);
        if (after != null) {
            spec = spec.bind("at", after.observedAt()).bind("id", after.id());
        }
        return spec.map(row -> new PlacedReport(
                        row.get("id", UUID.class),
                        new GeoPoint(row.get("lat", Double.class), row.get("lon", Double.class)),
                        row.get("zone_id", UUID.class),
                        row.get("observed_at", Instant.class),
                        row.get("received_at", Instant.class)))
                .all();
    }

    /** The ward's location counts for one category: locations, and repeat points among them. */
    Mono<long[]> totals(UUID wardId, String category) {
        return database.sql("SELECT count(*) AS locations, count(*) FILTER (WHERE repeat_count > 0) AS repeats"
                        + " FROM violation_location WHERE ward_id = :ward AND category = :category")
                .bind("ward", wardId)
                .bind("category", category)
                .map(row -> new long[] {row.get("locations", Long.class), row.get("repeats", Long.class)})
                .one();
    }

    /** A report as rebuilding places it; a location it starts counts as made when the report was received. */
    record PlacedReport(UUID id, GeoPoint point, @Nullable UUID zoneId, Instant observedAt, Instant receivedAt) {}

    private static ViolationLocation toLocation(Readable row) {
        return new ViolationLocation(
                row.get("id", UUID.class),
                row.get("category", String.class),
                new GeoPoint(row.get("lat", Double.class), row.get("lon", Double.class)),
                row.get("zone_id", UUID.class),
                row.get("zone_code", String.class),
                row.get("created_at", Instant.class),
                row.get("report_count", Integer.class),
                row.get("repeat_count", Integer.class),
                row.get("first_seen_at", Instant.class),
                row.get("last_seen_at", Instant.class),
                row.get("first_repeat_at", Instant.class));
    }
}
