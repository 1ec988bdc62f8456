package vn.urbanorder.report;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A report's audit trail in {@code report_event}: appended in the transaction that changes the
 * report, hash-chained, and refused any UPDATE or DELETE by the database itself.
 */
@Repository
class ReportEvents {

    private final DatabaseClient database;

    ReportEvents(DatabaseClient database) {
        this.database = database;
    }

    /**
     * The first events of a new report, as rows the statement that inserts the report adds too
     * (see {@link ReportStore#insert}): one statement for the report and its trail.
     */
    Rows first(UUID wardId, UUID reportId, List<NewEvent> events) {
        return rows(wardId, reportId, 0, null, events);
    }

    /**
     * Appends to a report's chain; call inside the transaction that changed the report, after
     * its row was updated (and so locked), so that appends to one report never interleave.
     */
    Mono<Void> append(UUID wardId, UUID reportId, List<NewEvent> events) {
        return database.sql("SELECT seq, hash FROM report_event WHERE report_id = :report ORDER BY seq DESC LIMIT 1")
                .bind("report", reportId)
                .map(row -> new Link(row.get("seq", Integer.class), row.get("hash", String.class)))
                .one()
                .defaultIfEmpty(new Link(0, null))
                .flatMap(last -> insert(wardId, reportId, last.seq(), last.hash(), events));
    }

    /** The report's events in order, with their actors' names. */
    Flux<ReportEvent> of(UUID reportId) {
        return database.sql("SELECT e.*, u.display_name AS actor_name FROM report_event e"
                        + " LEFT JOIN app_user u ON u.id = e.actor_id WHERE e.report_id = :report ORDER BY e.seq")
                .bind("report", reportId)
                .map(ReportEvents::toEvent)
                .all();
    }

    private Mono<Void> insert(
            UUID wardId, UUID reportId, int lastSeq, @Nullable String lastHash, List<NewEvent> events) {
        if (events.isEmpty()) {
            return Mono.empty();
        }
        Rows rows = rows(wardId, reportId, lastSeq, lastHash, events);
        // The report row counts its events in the same statement, so a trail cut short shows.
        var spec = database.sql("WITH counted AS (UPDATE report SET event_count = event_count + " + rows.count()
                + " WHERE id = :ev_report) " + rows.insert(null));
        return rows.bind(spec).then();
    }

    /** Events chained and hashed, with the SQL that inserts them and the values it binds. */
    private static Rows rows(
            UUID wardId, UUID reportId, int lastSeq, @Nullable String lastHash, List<NewEvent> events) {
        List<Row> rows = new ArrayList<>();
        String previous = lastHash;
        for (int i = 0; i < events.size(); i++) {
            int seq = lastSeq + i + 1;
            String hash = EventChain.hash(reportId, seq, previous, events.get(i));
            rows.add(new Row(seq, events.get(i), previous, hash));
            previous = hash;
        }
        return new Rows(wardId, reportId, rows);
    }

    private record Row(int seq, NewEvent event, @Nullable String prevHash, String hash) {}

    /** Events ready to insert; bind names start with {@code ev_}, so they meet no other's. */
    record Rows(UUID wardId, UUID reportId, List<Row> rows) {

        int count() {
            return rows.size();
        }

        /**
         * The INSERT; with a source, each row is selected from it (a CTE of at most one row), so
         * that nothing is inserted when the source is empty.
         */
        String insert(@Nullable String source) {
            var sql = new StringBuilder("INSERT INTO report_event (report_id, seq, ward_id, at, actor_id, type,"
                    + " from_status, to_status, note, data, prev_hash, hash) ");
            for (int i = 0; i < rows.size(); i++) {
                String values =
                        ":ev_report, :ev_seq%1$d, :ev_ward, :ev_at%1$d, :ev_actor%1$d, :ev_type%1$d,".formatted(i)
                                + " :ev_from%1$d, :ev_to%1$d, :ev_note%1$d, :ev_data%1$d, :ev_prev%1$d, :ev_hash%1$d"
                                        .formatted(i);
                if (source == null) {
                    sql.append(i == 0 ? "VALUES " : ", ")
                            .append("(")
                            .append(values)
                            .append(")");
                } else {
                    sql.append(i == 0 ? "" : " UNION ALL ")
                            .append("SELECT ")
                            .append(values)
                            .append(" FROM ")
                            .append(source);
                }
            }
            return sql.toString();
        }

        DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec) {
            return spec.bindValues(parameters());
        }

        /**
         * The values the insert binds, for binding with others at once: a spec copies its
         * bindings at every single bind, which for a report and its trail (some sixty values) was
         * a tenth of the intake path's allocation.
         */
        Map<String, Parameter> parameters() {
            Map<String, Parameter> values = new HashMap<>();
            values.put("ev_report", Parameter.from(reportId));
            values.put("ev_ward", Parameter.from(wardId));
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                NewEvent event = row.event();
                values.put("ev_seq" + i, Parameter.from(row.seq()));
                values.put("ev_at" + i, Parameter.from(event.at()));
                values.put("ev_type" + i, Parameter.from(event.type()));
                values.put("ev_data" + i, Parameter.from(event.data()));
                values.put("ev_hash" + i, Parameter.from(row.hash()));
                values.put("ev_actor" + i, Parameter.fromOrEmpty(event.actorId(), UUID.class));
                values.put("ev_from" + i, Parameter.fromOrEmpty(statusName(event.fromStatus()), String.class));
                values.put("ev_to" + i, Parameter.fromOrEmpty(statusName(event.toStatus()), String.class));
                values.put("ev_note" + i, Parameter.fromOrEmpty(event.note(), String.class));
                values.put("ev_prev" + i, Parameter.fromOrEmpty(row.prevHash(), String.class));
            }
            return values;
        }
    }

    private static @Nullable String statusName(@Nullable ReportStatus status) {
        return status == null ? null : status.name();
    }

    private record Link(int seq, @Nullable String hash) {}

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
