package vn.urbanorder.report;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.urbanorder.assignment.Assignment;
import vn.urbanorder.assignment.RuleLevel;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.identity.Role;
import vn.urbanorder.shared.GeoPoint;
import vn.urbanorder.shared.Proximity;

/** The {@code report} table. Every read is scoped to the caller's ward and to what their roles may see. */
@Repository
class ReportStore {

    /** A report's columns with its names, over a {@code report} row {@code r} and {@link #JOINS}. */
    private static final String COLUMNS = """
            r.id, r.ward_id, r.reference, r.client_report_id, r.category, r.subtype, r.description,
                   r.address_text, r.lat, r.lon, r.accuracy_m, r.observed_at, r.received_at, r.status,
                   r.reporter_id, u.display_name AS reporter_name, r.flags, r.inspection_round_id, r.version,
                   r.payload_sha256, r.zone_id, z.code AS zone_code, z.name AS zone_name, r.segment_id,
                   sg.code AS segment_code, sg.name AS segment_name, r.assigned_unit_id, au.code AS unit_code,
                   au.name AS unit_name, r.assignment_rule, r.due_at, r.resolved_at, r.duplicate_of, r.violation_location_id,
                   vl.report_count AS location_reports, vl.repeat_count AS location_repeats
            """;

    private static final String JOINS = """
              JOIN app_user u ON u.id = r.reporter_id
              LEFT JOIN zone z ON z.id = r.zone_id
              LEFT JOIN zone sg ON sg.id = r.segment_id
              LEFT JOIN unit au ON au.id = r.assigned_unit_id
              LEFT JOIN violation_location vl ON vl.id = r.violation_location_id
            """;

    private static final String SELECT = "SELECT " + COLUMNS + " FROM report r" + JOINS;

    /**
     * Every version of one zone or segment (same ward, kind and code): a new map closes the old
     * rows and opens new ones, and a report keeps the row it was given at intake.
     */
    private static final String VERSIONS_OF = """
            SELECT version.id FROM zone chosen
              JOIN zone version ON version.ward_id = chosen.ward_id AND version.kind = chosen.kind
                               AND version.code = chosen.code
             WHERE chosen.id = :value""";

    /**
     * Intake's statement answers with the stored row and its names. One space for each run of
     * white space: the driver parses the text of every statement it runs.
     */
    private static final String READ_BACK = ("SELECT " + COLUMNS + " FROM inserted r" + JOINS).replaceAll("\\s+", " ");

    private static final String OPEN = "report_open(r.status)";

    /** The most reports "nearby" answers with; the spec says so. */
    static final int NEARBY_LIMIT = 100;

    private final DatabaseClient database;

    ReportStore(DatabaseClient database) {
        this.database = database;
    }

    /** A report with the hash of the content it was submitted with. */
    record Stored(Report report, String payloadSha256) {}

    /**
     * Stores the report with the next reference number of its ward's year and the first events of
     * its trail, in one statement. The new report's id; empty when this reporter already used the
     * client id, in which case the caller must roll back so that the number taken is given back.
     */
    Mono<UUID> insert(NewReport report, ReportEvents.Rows trail) {
        return inserting(report, trail, "SELECT id FROM inserted")
                .map(row -> row.get("id", UUID.class))
                .one();
    }

    /**
     * The same, answering the report as stored, read back in the same statement; empty as above.
     * For intake's last statement before the commit: see {@link #inserting}.
     */
    Mono<Report> insertAndRead(NewReport report, ReportEvents.Rows trail) {
        return inserting(report, trail, READ_BACK).map(ReportStore::toReport).one();
    }

    /**
     * The ward's reference counter row is taken here, in the statement that stores the report: a
     * failed or repeated submission rolls its number back, so numbers have no gaps, and the row
     * stays locked to the commit, so they come in the order reports commit. Every submission of
     * the ward waits for that row, so it is taken after every other lock and read of intake (the
     * location's cells, the place), and nothing after this statement but the commit keeps it.
     *
     * @param select what the statement answers, over the CTE {@code inserted} (the row, or none)
     */
    private DatabaseClient.GenericExecuteSpec inserting(NewReport report, ReportEvents.Rows trail, String select) {
        var values = new LinkedHashMap<String, Object>();
        values.put("id", report.id());
        values.put("ward_id", report.wardId());
        values.put("reporter_id", report.reporterId());
        values.put("client_report_id", report.submission().clientReportId());
        values.put("payload_sha256", report.payloadSha256());
        values.put("category", report.submission().category());
        values.put("subtype", report.submission().subtype());
        values.put("description", report.submission().description());
        values.put("address_text", report.submission().addressText());
        values.put("lat", report.submission().location().point().lat());
        values.put("lon", report.submission().location().point().lon());
        values.put("accuracy_m", report.submission().location().accuracyM());
        values.put("observed_at", report.submission().observedAt().toInstant());
        values.put(
                "observed_offset_seconds",
                report.submission().observedAt().getOffset().getTotalSeconds());
        values.put("received_at", report.receivedAt());
        Assignment assignment = report.assignment();
        values.put("status", report.status().name());
        // A duplicate keeps the place it was reported at, and waits for no unit.
        boolean handled = report.status() != ReportStatus.DUPLICATE;
        values.put(
                "zone_id", assignment.zone() == null ? null : assignment.zone().id());
        values.put(
                "segment_id",
                assignment.segment() == null ? null : assignment.segment().id());
        values.put(
                "assigned_unit_id",
                !handled || assignment.unit() == null ? null : assignment.unit().id());
        values.put(
                "assignment_rule",
                !handled || assignment.rule() == null ? null : assignment.rule().name());
        values.put("violation_location_id", report.locationId());
        // The trail goes in with the report, and the row counts it (see ReportEvents).
        values.put("event_count", trail.count());
        values.put("duplicate_of", report.duplicateOf());
        values.put("due_at", report.dueAt());
        values.put("flags", report.flags().stream().map(Enum::name).sorted().toArray(String[]::new));
        values.put("inspection_round_id", report.submission().inspectionRoundId());
        values.put(
                "search_text",
                SearchText.fold(
                        report.submission().description(), report.submission().addressText()));
        String columns = String.join(", ", values.keySet());
        String parameters = values.keySet().stream().map(column -> ":" + column).collect(Collectors.joining(", "));
        var spec = database.sql("WITH number AS ("
                + " INSERT INTO report_reference_counter (ward_id, year, last_number) VALUES (:ward_id, :year, 1)"
                + " ON CONFLICT (ward_id, year) DO UPDATE SET last_number = report_reference_counter.last_number + 1"
                + " RETURNING last_number)"
                + " , inserted AS (INSERT INTO report (reference, " + columns + ")"
                + " SELECT :prefix || lpad(last_number::text, greatest(6, length(last_number::text)), '0'), "
                + parameters + " FROM number"
                + " ON CONFLICT (reporter_id, client_report_id) DO NOTHING RETURNING *),"
                + " trail AS (" + trail.insert("inserted") + ") "
                + select);
        values.put("year", report.year());
        values.put("prefix", report.referencePrefix());
        Map<String, Parameter> bound = parameters(values);
        bound.putAll(trail.parameters());
        return spec.bindValues(bound);
    }

    Mono<Void> place(UUID reportId, UUID locationId) {
        return database.sql("UPDATE report SET violation_location_id = :location WHERE id = :id")
                .bind("location", locationId)
                .bind("id", reportId)
                .then();
    }

    Mono<Void> unplaceAll(UUID wardId, String category) {
        return database.sql("UPDATE report SET violation_location_id = NULL"
                        + " WHERE ward_id = :ward AND category = :category AND violation_location_id IS NOT NULL")
                .bind("ward", wardId)
                .bind("category", category)
                .then();
    }

    Mono<Stored> findByClientId(UUID reporterId, UUID clientReportId) {
        return database.sql(SELECT + " WHERE r.reporter_id = :reporter AND r.client_report_id = :client")
                .bind("reporter", reporterId)
                .bind("client", clientReportId)
                .map(row -> new Stored(toReport(row), row.get("payload_sha256", String.class)))
                .one();
    }

    /** A report of the ward, whoever may see it: for deciding whether a caller may act on it. */
    Mono<Report> findInWard(UUID wardId, UUID id) {
        return database.sql(SELECT + " WHERE r.ward_id = :ward AND r.id = :id")
                .bind("ward", wardId)
                .bind("id", id)
                .map(ReportStore::toReport)
                .one();
    }

    Mono<Report> findVisible(Caller caller, UUID id) {
        var where = visibleTo(caller);
        where.sql.append(" AND r.id = :id");
        where.values.put("id", id);
        return bindAll(database.sql(SELECT + " WHERE " + where.sql), where.values)
                .map(ReportStore::toReport)
                .one();
    }

    Flux<Report> list(Caller caller, ReportFilter filter, Instant now) {
        var where = visibleTo(caller);
        if (Boolean.TRUE.equals(filter.overdue())) {
            where.sql.append(" AND r.due_at < :now AND report_awaiting_unit(r.status)");
            where.values.put("now", now);
        }
        if (!filter.statuses().isEmpty()) {
            where.sql.append(" AND r.status = ANY(:statuses)");
            where.values.put(
                    "statuses",
                    filter.statuses().stream().map(Enum::name).sorted().toArray(String[]::new));
        }
        where.andIf(filter.unitId(), "r.assigned_unit_id = :unitId", unit -> unit);
        where.andIf(filter.locationId(), "r.violation_location_id = :locationId", location -> location);
        where.andIfIn(filter.zoneId(), "r.zone_id", VERSIONS_OF, "zoneId");
        where.andIfIn(filter.segmentId(), "r.segment_id", VERSIONS_OF, "segmentId");
        where.andIf(filter.inspectionRoundId(), "r.inspection_round_id = :roundId", round -> round);
        if (filter.flag() != null) {
            where.sql.append(" AND :flag = ANY(r.flags)");
            where.values.put("flag", filter.flag().name());
        }
        where.andIf(filter.category(), "r.category = :category", category -> category);
        where.andIf(filter.subtype(), "r.subtype = :subtype", subtype -> subtype);
        where.andIf(filter.reporterId(), "r.reporter_id = :reporterId", reporter -> reporter);
        where.andIf(filter.from(), "r.observed_at >= :from", from -> from);
        where.andIf(filter.to(), "r.observed_at < :to", to -> to);
        if (filter.bbox() != null) {
            double[] box = filter.bbox();
            where.sql.append(" AND r.position <@ box(point(:minLon, :minLat), point(:maxLon, :maxLat))");
            where.values.putAll(Map.of("minLon", box[0], "minLat", box[1], "maxLon", box[2], "maxLat", box[3]));
        }
        List<String> words = filter.query() == null ? List.of() : SearchText.words(filter.query());
        for (int i = 0; i < words.size(); i++) {
            where.sql.append(" AND r.search_text LIKE :word").append(i).append(" ESCAPE '\\'");
            where.values.put("word" + i, "%" + escapeLike(words.get(i)) + "%");
        }
        // Reports without a deadline sort last, as if due at infinity.
        String due = "coalesce(r.due_at, 'infinity'::timestamptz)";
        String waiting = "CASE WHEN r.status = 'RESOLVED' THEN coalesce(r.resolved_at, r.observed_at)"
                + " ELSE r.observed_at END";
        if (filter.sort() == ReportSort.REVIEW_QUEUE) {
            where.sql.append(" AND (r.status = 'RESOLVED' OR ('REPEAT_OFFENCE' = ANY(r.flags)"
                    + " AND report_violation(r.status) AND r.status <> 'VERIFIED'))");
        }
        if (filter.cursor() != null) {
            where.sql.append(
                    switch (filter.sort()) {
                        case DUE_AT ->
                            " AND (" + due + ", r.id) > (coalesce(CAST(:cursorAt AS timestamptz),"
                                    + " 'infinity'), :cursorId)";
                        case REVIEW_QUEUE -> " AND (" + waiting + ", r.id) > (:cursorAt, :cursorId)";
                        case OBSERVED_AT -> " AND (r.observed_at, r.id) < (:cursorAt, :cursorId)";
                    });
            where.values.put("cursorAt", filter.cursor().at());
            where.values.put("cursorId", filter.cursor().id());
        }
        // One more than the page, to know whether another page follows.
        where.values.put("limit", filter.limit() + 1);
        String order =
                switch (filter.sort()) {
                    case DUE_AT -> due + ", r.id";
                    case REVIEW_QUEUE -> waiting + ", r.id";
                    case OBSERVED_AT -> "r.observed_at DESC, r.id DESC";
                };
        return bindAll(
                        database.sql(SELECT + " WHERE " + where.sql + " ORDER BY " + order + " LIMIT :limit"),
                        where.values)
                .map(ReportStore::toReport)
                .all();
    }

    /** Open reports the caller may see within the radius, nearest first, with their distance. */
    Flux<ReportQueries.Nearby> nearby(Caller caller, GeoPoint point, int radiusM) {
        Proximity.Box box = Proximity.around(point, radiusM);
        var where = visibleTo(caller);
        where.sql.append(" AND ").append(OPEN);
        where.sql.append(" AND r.position <@ box(point(:minLon, :minLat), point(:maxLon, :maxLat))");
        where.values.putAll(Map.of(
                "lat", point.lat(),
                "lon", point.lon(),
                "minLon", box.minLon(),
                "minLat", box.minLat(),
                "maxLon", box.maxLon(),
                "maxLat", box.maxLat(),
                "radius", (double) radiusM));
        String sql = "SELECT * FROM ("
                + "SELECT " + Proximity.haversineSql("r") + " AS distance_m, " + COLUMNS + " FROM report r" + JOINS
                + " WHERE " + where.sql + ") near"
                + " WHERE distance_m <= :radius ORDER BY distance_m, id LIMIT " + NEARBY_LIMIT;
        return bindAll(database.sql(sql), where.values)
                .map(row -> new ReportQueries.Nearby(toReport(row), row.get("distance_m", Double.class)))
                .all();
    }

    /**
     * The reports the caller may see: inspectors and ward admins every report of the ward; patrols
     * their own and the ward's open ones; unit staff those assigned to their unit.
     */
    private static Where visibleTo(Caller caller) {
        var where = new Where("r.ward_id = :ward");
        where.values.put("ward", caller.wardId());
        if (caller.has(Role.WARD_ADMIN) || caller.has(Role.INSPECTOR)) {
            return where;
        }
        if (caller.has(Role.PATROL)) {
            where.sql.append(" AND (r.reporter_id = :caller OR ").append(OPEN).append(")");
            where.values.put("caller", caller.userId());
        } else if (caller.has(Role.UNIT_STAFF) && caller.unitId() != null) {
            where.sql.append(" AND r.assigned_unit_id = :unit");
            where.values.put("unit", caller.unitId());
        } else {
            where.sql.append(" AND false");
        }
        return where;
    }

    /** A WHERE clause with its bind values, grown one condition at a time. */
    private static final class Where {
        final StringBuilder sql;
        final Map<String, Object> values = new LinkedHashMap<>();

        Where(String first) {
            this.sql = new StringBuilder(first);
        }

        /** {@code column IN (subquery)}, the subquery naming its one bind value {@code :value}. */
        void andIfIn(@Nullable Object value, String column, String subquery, String name) {
            if (value != null) {
                sql.append(" AND ").append(column).append(" IN (").append(subquery.replace(":value", ":" + name));
                sql.append(')');
                values.put(name, value);
            }
        }

        <T> void andIf(@Nullable T value, String condition, java.util.function.Function<T, Object> bound) {
            if (value != null) {
                sql.append(" AND ").append(condition);
                String name = condition.substring(condition.lastIndexOf(':') + 1);
                values.put(name, bound.apply(value));
            }
        }
    }

    private static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Bound at once: a spec copies its bindings at every single bind. */
    private static DatabaseClient.GenericExecuteSpec bindAll(
            DatabaseClient.GenericExecuteSpec spec, Map<String, Object> values) {
        return spec.bindValues(parameters(values));
    }

    private static Map<String, Parameter> parameters(Map<String, Object> values) {
        Map<String, Parameter> parameters = new HashMap<>();
        values.forEach((name, value) -> parameters.put(name, Parameter.fromOrEmpty(value, typeOf(name))));
        return parameters;
    }

    private static Class<?> typeOf(String column) {
        return switch (column) {
            case "accuracy_m" -> Double.class;
            case "inspection_round_id",
                    "zone_id",
                    "segment_id",
                    "assigned_unit_id",
                    "violation_location_id",
                    "duplicate_of",
                    "locationId" -> UUID.class;
            case "due_at", "cursorAt" -> Instant.class;
            default -> String.class;
        };
    }

    private static Report toReport(Readable row) {
        Set<ReportFlag> flags = Arrays.stream(row.get("flags", String[].class))
                .map(ReportFlag::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ReportFlag.class)));
        return new Report(
                row.get("id", UUID.class),
                row.get("ward_id", UUID.class),
                row.get("reference", String.class),
                row.get("client_report_id", UUID.class),
                row.get("category", String.class),
                row.get("subtype", String.class),
                row.get("description", String.class),
                row.get("address_text", String.class),
                new ReportLocation(
                        new GeoPoint(row.get("lat", Double.class), row.get("lon", Double.class)),
                        row.get("accuracy_m", Double.class)),
                row.get("observed_at", Instant.class),
                row.get("received_at", Instant.class),
                ReportStatus.valueOf(row.get("status", String.class)),
                row.get("reporter_id", UUID.class),
                row.get("reporter_name", String.class),
                flags,
                row.get("inspection_round_id", UUID.class),
                row.get("version", Integer.class),
                assignmentOf(row),
                row.get("due_at", Instant.class),
                row.get("resolved_at", Instant.class),
                row.get("duplicate_of", UUID.class),
                locationOf(row),
                List.of());
    }

    private static @Nullable LocationSummary locationOf(Readable row) {
        UUID id = row.get("violation_location_id", UUID.class);
        return id == null
                ? null
                : new LocationSummary(
                        id, row.get("location_reports", Integer.class), row.get("location_repeats", Integer.class));
    }

    private static Assignment assignmentOf(Readable row) {
        UUID unit = row.get("assigned_unit_id", UUID.class);
        UUID zone = row.get("zone_id", UUID.class);
        UUID segment = row.get("segment_id", UUID.class);
        String rule = row.get("assignment_rule", String.class);
        return new Assignment(
                unit == null
                        ? null
                        : new Assignment.UnitRef(
                                unit, row.get("unit_code", String.class), row.get("unit_name", String.class)),
                zone == null
                        ? null
                        : new Assignment.Place(
                                zone, row.get("zone_code", String.class), row.get("zone_name", String.class)),
                segment == null
                        ? null
                        : new Assignment.Place(
                                segment, row.get("segment_code", String.class), row.get("segment_name", String.class)),
                rule == null ? null : RuleLevel.valueOf(rule));
    }
}
