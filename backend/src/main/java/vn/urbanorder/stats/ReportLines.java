package vn.urbanorder.stats;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import vn.urbanorder.shared.ReportingReads;

/**
 * Every report of a period, in the order observed, read a page at a time as the export asks: on the
 * read replica while it is close enough behind ({@link ReportingReads}), else on the primary.
 */
@Repository
class ReportLines {

    /** Rows fetched per round trip (a portal, so the database never sends the whole period at once). */
    static final int FETCH_SIZE = 2000;

    /**
     * Times come as whole epoch seconds (floored, so 23:59:59.7 stays on its day): parsing four
     * timestamps a row was half the cost of reading it. Whether a report was resolved on time is
     * decided here, to the microsecond, exactly as the figures decide it.
     */
    private static final String SQL = """
            SELECT r.reference, floor(extract(epoch FROM r.observed_at))::bigint AS observed_s,
                   floor(extract(epoch FROM r.received_at))::bigint AS received_s, r.category, r.subtype, r.address_text,
                   r.lat, r.lon, z.name AS zone_name, s.name AS segment_name, u.name AS unit_name,
                   p.display_name AS reporter, r.status, r.rejection_reason,
                   floor(extract(epoch FROM r.due_at))::bigint AS due_s, floor(extract(epoch FROM r.resolved_at))::bigint AS resolved_s,
                   CASE WHEN report_cleared(r.status) THEN report_resolved_on_time(r.status, r.due_at, r.resolved_at)
                   END AS on_time,
                   d.reference AS duplicate_of, 'REPEAT_OFFENCE' = ANY (r.flags) AS repeat_offence,
                   ir.title AS round_title
              FROM report r
              LEFT JOIN zone z ON z.id = r.zone_id
              LEFT JOIN zone s ON s.id = r.segment_id
              LEFT JOIN unit u ON u.id = r.assigned_unit_id
              LEFT JOIN app_user p ON p.id = r.reporter_id
              LEFT JOIN report d ON d.id = r.duplicate_of
              LEFT JOIN inspection_round ir ON ir.id = r.inspection_round_id
             WHERE r.ward_id = :ward AND r.observed_at >= :start AND r.observed_at < :end
             ORDER BY r.observed_at, r.id
            """;

    private final ReportingReads reads;

    ReportLines(ReportingReads reads) {
        this.reads = reads;
    }

    Flux<ReportLine> of(UUID wardId, StatsPeriod period) {
        return Flux.defer(() -> lines(reads.current().database(), wardId, period));
    }

    private static Flux<ReportLine> lines(DatabaseClient database, UUID wardId, StatsPeriod period) {
        return database.sql(SQL)
                .filter(statement -> statement.fetchSize(FETCH_SIZE))
                .bind("ward", wardId)
                .bind("start", period.start())
                .bind("end", period.end())
                .map(row -> new ReportLine(
                        row.get("reference", String.class),
                        Objects.requireNonNull(instant(row.get("observed_s", Long.class)), "observed_at is NOT NULL"),
                        Objects.requireNonNull(instant(row.get("received_s", Long.class)), "received_at is NOT NULL"),
                        row.get("category", String.class),
                        row.get("subtype", String.class),
                        row.get("address_text", String.class),
                        row.get("lat", Double.class),
                        row.get("lon", Double.class),
                        row.get("zone_name", String.class),
                        row.get("segment_name", String.class),
                        row.get("unit_name", String.class),
                        row.get("reporter", String.class),
                        row.get("status", String.class),
                        row.get("rejection_reason", String.class),
                        instant(row.get("due_s", Long.class)),
                        instant(row.get("resolved_s", Long.class)),
                        row.get("on_time", Boolean.class),
                        row.get("duplicate_of", String.class),
                        Boolean.TRUE.equals(row.get("repeat_offence", Boolean.class)),
                        row.get("round_title", String.class)))
                .all();
    }

    private static @Nullable Instant instant(@Nullable Long epochSecond) {
        return epochSecond == null ? null : Instant.ofEpochSecond(epochSecond);
    }
}
