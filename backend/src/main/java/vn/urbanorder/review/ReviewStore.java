package vn.urbanorder.review;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.urbanorder.shared.Binds;

/** The {@code review} table: inserted into, read, never changed. */
@Repository
class ReviewStore {

    private final DatabaseClient database;

    ReviewStore(DatabaseClient database) {
        this.database = database;
    }

    Mono<Void> insert(UUID wardId, Review review) {
        var insert = database.sql("INSERT INTO review (id, ward_id, report_id, reviewer_id, verdict, comment,"
                        + " from_status, to_status, photos, created_at) VALUES (:id, :ward, :report, :reviewer,"
                        + " :verdict, :comment, :from, :to, :photos, :at)")
                .bind("id", review.id())
                .bind("ward", wardId)
                .bind("report", review.reportId())
                .bind("reviewer", review.reviewerId())
                .bind("verdict", review.verdict().name())
                .bind("from", review.fromStatus())
                .bind("to", review.toStatus())
                .bind("photos", review.photos().toArray(String[]::new))
                .bind("at", review.createdAt());
        return Binds.nullable(insert, "comment", review.comment(), String.class).then();
    }

    Mono<Review> find(UUID id) {
        return database.sql("SELECT v.*, u.display_name AS reviewer_name FROM review v"
                        + " JOIN app_user u ON u.id = v.reviewer_id WHERE v.id = :id")
                .bind("id", id)
                .map(ReviewStore::toReview)
                .one();
    }

    /** A report's reviews, oldest first. */
    Flux<Review> of(UUID reportId) {
        return database.sql("SELECT v.*, u.display_name AS reviewer_name FROM review v"
                        + " JOIN app_user u ON u.id = v.reviewer_id WHERE v.report_id = :report"
                        + " ORDER BY v.created_at, v.id")
                .bind("report", reportId)
                .map(ReviewStore::toReview)
                .all();
    }

    private static Review toReview(Readable row) {
        return new Review(
                row.get("id", UUID.class),
                row.get("report_id", UUID.class),
                row.get("reviewer_id", UUID.class),
                row.get("reviewer_name", String.class),
                Verdict.valueOf(row.get("verdict", String.class)),
                row.get("comment", String.class),
                row.get("from_status", String.class),
                row.get("to_status", String.class),
                List.of(row.get("photos", String[].class)),
                row.get("created_at", Instant.class));
    }
}
