package vn.urbanorder.review;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.urbanorder.shared.Binds;

/** The {@code inspection_round} table, and what the reports that name a round add up to. */
@Repository
class InspectionRoundStore {

    private final DatabaseClient database;

    InspectionRoundStore(DatabaseClient database) {
        this.database = database;
    }

    Mono<Void> insert(UUID wardId, InspectionRound round) {
        var insert = database.sql("INSERT INTO inspection_round (id, ward_id, title, started_on, ended_on, zone_codes,"
                        + " member_ids, notes, created_by, created_at) VALUES (:id, :ward, :title, :started, :ended,"
                        + " :zones, :members, :notes, :by, :at)")
                .bind("id", round.id())
                .bind("ward", wardId)
                .bind("title", round.title())
                .bind("started", round.startedOn())
                .bind("ended", round.endedOn())
                .bind("zones", round.zoneCodes().toArray(String[]::new))
                .bind("members", round.memberIds().toArray(UUID[]::new))
                .bind("by", round.createdBy())
                .bind("at", round.createdAt());
        return Binds.nullable(insert, "notes", round.notes(), String.class).then();
    }

    Mono<InspectionRound> find(UUID wardId, UUID id) {
        return database.sql("SELECT * FROM inspection_round WHERE ward_id = :ward AND id = :id")
                .bind("ward", wardId)
                .bind("id", id)
                .map(InspectionRoundStore::toRound)
                .one();
    }

    /** The ward's rounds, latest start first. */
    Flux<InspectionRound> list(UUID wardId, int limit) {
        return database.sql("SELECT * FROM inspection_round WHERE ward_id = :ward"
                        + " ORDER BY started_on DESC, id DESC LIMIT :limit")
                .bind("ward", wardId)
                .bind("limit", limit)
                .map(InspectionRoundStore::toRound)
                .all();
    }

    /** Of the given users, those of the ward who may walk a round (patrols and inspectors). */
    Flux<UUID> walkers(UUID wardId, List<UUID> userIds) {
        return database.sql("SELECT id FROM app_user WHERE ward_id = :ward AND id = ANY(:ids) AND active"
                        + " AND roles && ARRAY['PATROL', 'INSPECTOR']::text[]")
                .bind("ward", wardId)
                .bind("ids", userIds.toArray(UUID[]::new))
                .map(row -> row.get("id", UUID.class))
                .all();
    }

    /** What the round's reports add up to, per category. */
    Flux<InspectionRound.Found> found(UUID roundId) {
        return database.sql("""
                        SELECT r.category, count(*) AS reports,
                               count(DISTINCT r.violation_location_id) FILTER (WHERE l.repeat_count > 0)
                                   AS repeat_points,
                               count(*) FILTER (WHERE report_cleared(r.status)) AS resolved
                          FROM report r
                          LEFT JOIN violation_location l ON l.id = r.violation_location_id
                         WHERE r.inspection_round_id = :round
                           AND report_counts_at_location(r.status, r.rejection_reason)
                         GROUP BY r.category ORDER BY r.category""")
                .bind("round", roundId)
                .map(row -> new InspectionRound.Found(
                        row.get("category", String.class),
                        row.get("reports", Long.class),
                        row.get("repeat_points", Long.class),
                        row.get("resolved", Long.class)))
                .all();
    }

    private static InspectionRound toRound(Readable row) {
        return new InspectionRound(
                row.get("id", UUID.class),
                row.get("title", String.class),
                row.get("started_on", LocalDate.class),
                row.get("ended_on", LocalDate.class),
                List.of(row.get("zone_codes", String[].class)),
                List.of(row.get("member_ids", UUID[].class)),
                row.get("notes", String.class),
                row.get("created_by", UUID.class),
                row.get("created_at", Instant.class));
    }
}
