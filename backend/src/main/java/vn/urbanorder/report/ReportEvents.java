package vn.urbanorder.report;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.urbanorder.shared.Binds;

/**
 * A report's audit trail in {@code report_event}: appended in the transaction that changes the
 * report, hash-chained, and refused any UPDATE or DELETE by the database itself.
 */
@Repository
public class ReportEvents {

    private final DatabaseClient database;

    ReportEvents(DatabaseClient database) {
        this.database = database;
    }

    /** The first events of a new report; inside the transaction that inserts it. */
    Mono<Void> start(UUID wardId, UUID reportId, List<NewEvent> events) {
        return insert(wardId, reportId, 0, null, events);
    }

    /**
     * Appends to a report's chain; call inside the transaction that changed the report, after
     * its row was updated (and so locked), so that appends to one report never interleave.
     */
    public Mono<Void> append(UUID wardId, UUID reportId, List<NewEvent> events) {
        return database.sql("SELECT seq, hash FROM report_event WHERE report_id = :report ORDER BY seq DESC LIMIT 1")
                .bind("report", reportId)
                .map(row -> new Link(row.get("seq", Integer.class), row.get("hash", String.class)))
                .one()
                .defaultIfEmpty(new Link(0, null))
                .flatMap(last -> insert(wardId, reportId, last.seq(), last.hash(), events));
    }

    /** The report's events in order, with their actors' names. */
    public Flux<ReportEvent> of(UUID reportId) {
        return database.sql("SELECT e.*, u.display_name AS actor_name FROM report_event e"
                        + " LEFT JOIN app_user u ON u.id = e.actor_id WHERE e.report_id = :report ORDER BY e.seq")
                .bind("report", reportId)
                .map(ReportEvents::toEvent)
                .all();
    }

    private Mono<Void> insert(UUID wardId, UUID reportId, int lastSeq, String lastHash, List<NewEvent> events) {
        if (events.isEmpty()) {
            return Mono.empty();
        }
        // The report row counts its events in the same statement, so a trail cut short shows.
        var sql = new StringBuilder("WITH counted AS (UPDATE report SET event_count = event_count + " + events.size()
                + " WHERE id = :report)"
                + " INSERT INTO report_event (report_id, seq, ward_id, at, actor_id, type,"
                + " from_status, to_status, note, data, prev_hash, hash) VALUES ");
        List<Object[]> rows = new ArrayList<>();
        String previous = lastHash;
        for (int i = 0; i < events.size(); i++) {
            NewEvent event = events.get(i);
            int seq = lastSeq + i + 1;
            String hash = EventChain.hash(reportId, seq, previous, event);
            sql.append(i == 0 ? "" : ", ")
                    .append("(:report, :seq%1$d, :ward, :at%1$d, :actor%1$d, :type%1$d, :from%1$d, :to%1$d, :note%1$d,"
                            .formatted(i))
                    .append(" :data%1$d, :prev%1$d, :hash%1$d)".formatted(i));
            rows.add(new Object[] {seq, event, previous, hash});
            previous = hash;
        }
        var spec = database.sql(sql.toString()).bind("report", reportId).bind("ward", wardId);
        for (int i = 0; i < rows.size(); i++) {
            NewEvent event = (NewEvent) rows.get(i)[1];
            spec = spec.bind("seq" + i, rows.get(i)[0])
                    .bind("at" + i, event.at())
                    .bind("type" + i, event.type())
                    .bind("data" + i, event.data())
                    .bind("hash" + i, rows.get(i)[3]);
            spec = Binds.nullable(spec, "actor" + i, event.actorId(), UUID.class);
            spec = Binds.nullable(spec, "from" + i, statusName(event.fromStatus()), String.class);
            spec = Binds.nullable(spec, "to" + i, statusName(event.toStatus()), String.class);
            spec = Binds.nullable(spec, "note" + i, event.note(), String.class);
            spec = Binds.nullable(spec, "prev" + i, (String) rows.get(i)[2], String.class);
        }
        return spec.then();
    }

    private static String statusName(ReportStatus status) {
        return status == null ? null : status.name();
    }

    private record Link(int seq, String hash) {}

    private static ReportEvent toEvent(Readable row) {
        return new ReportEvent(
                row.get("report_id", UUID.class),
                row.get("seq", Integer.class),
                row.get("at", Instant.class),
                row.get("actor_id", UUID.class),
                row.get("actor_name", String.class),
                row.get("type", String.class),
                row.get("from_status", String.class),
                row.get("to_status", String.class),
                row.get("note", String.class),
                row.get("data", String.class),
                row.get("prev_hash", String.class),
                row.get("hash", String.class),
                row.get("hash_version", Short.class));
    }

    /**
     * The report's events with how many it must have and the status it stands at, read in one
     * statement, so that a change committing meanwhile cannot make a sound trail look cut.
     */
    Mono<Trail> trail(UUID reportId) {
        return database.sql("SELECT r.event_count, r.status AS report_status, e.*, u.display_name AS actor_name"
                        + " FROM report r LEFT JOIN report_event e ON e.report_id = r.id"
                        + " LEFT JOIN app_user u ON u.id = e.actor_id WHERE r.id = :report ORDER BY e.seq")
                .bind("report", reportId)
                .map(row -> new Object[] {
                    row.get("event_count", Integer.class),
                    ReportStatus.valueOf(row.get("report_status", String.class)),
                    row.get("seq", Integer.class) == null ? null : toEvent(row)
                })
                .all()
                .collectList()
                .filter(rows -> !rows.isEmpty())
                .map(rows -> new Trail(
                        (Integer) rows.get(0)[0],
                        (ReportStatus) rows.get(0)[1],
                        rows.stream()
                                .map(row -> (ReportEvent) row[2])
                                .filter(java.util.Objects::nonNull)
                                .toList()));
    }

    /** A report's trail with what the report row says of it. */
    record Trail(int expectedCount, ReportStatus status, List<ReportEvent> events) {}
}
