package vn.urbanorder.photo;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code photo_staging} table: the files this installation stored for submissions whose
 * reports are not recorded yet. It is what the clean-ups go by, never a listing of the storage.
 */
@Repository
class PhotoStaging {

    private static final int PAGE = 500;

    private final DatabaseClient database;

    PhotoStaging(DatabaseClient database) {
        this.database = database;
    }

    /** A staged file: its staging id, its hash, and its stamp if the staging created it. */
    record Entry(UUID id, String sha256, @Nullable String stamp, Instant stagedAt) {}

    /** Writes down the files before they are stored, so that none is stored unseen. */
    Mono<Void> begin(StagedPhotos staged, Instant now) {
        return database.sql("""
                        INSERT INTO photo_staging (id, ward_id, sha256, staged_at)
                        SELECT id, :ward, sha256, :now
                          FROM unnest(CAST(:ids AS uuid[]), CAST(:hashes AS text[])) AS staged (id, sha256)
                        """)
                .bind("ward", staged.wardId())
                .bind("now", now)
                .bind("ids", staged.ids().values().toArray(UUID[]::new))
                .bind("hashes", staged.ids().keySet().toArray(String[]::new))
                .then();
    }

    /** This staging created the file, which now has the stamp. */
    Mono<Void> created(UUID id, String stamp) {
        return database.sql("UPDATE photo_staging SET file_stamp = :stamp WHERE id = :id")
                .bind("stamp", stamp)
                .bind("id", id)
                .then();
    }

    /**
     * The files are recorded in the ward: call in the recording transaction. Every staging of
     * them in the ward ends, another submission's still running included, since a file a record
     * uses is never removed anyway.
     */
    Mono<Void> committed(UUID wardId, Collection<String> hashes) {
        return database.sql("DELETE FROM photo_staging WHERE ward_id = :ward AND sha256 = ANY (:hashes)")
                .bind("ward", wardId)
                .bind("hashes", hashes.toArray(String[]::new))
                .then();
    }

    /** Ends the staging and answers it; empty when it had ended already. */
    Mono<Entry> take(UUID id) {
        return database.sql("DELETE FROM photo_staging WHERE id = :id RETURNING id, sha256, file_stamp, staged_at")
                .bind("id", id)
                .map(PhotoStaging::toEntry)
                .one();
    }

    /** Stagings from before the cutoff, oldest first, read a page at a time. */
    Flux<Entry> before(Instant cutoff) {
        return page(cutoff, null)
                .expand(page -> page.size() < PAGE ? Mono.empty() : page(cutoff, page.get(page.size() - 1)))
                .concatMapIterable(page -> page);
    }

    private Mono<List<Entry>> page(Instant cutoff, @Nullable Entry after) {
        var query = database.sql("SELECT id, sha256, file_stamp, staged_at FROM photo_staging"
                        + " WHERE staged_at < :cutoff"
                        + (after == null ? "" : " AND (staged_at, id) > (:afterAt, :afterId)")
                        + " ORDER BY staged_at, id LIMIT :limit")
                .bind("cutoff", cutoff)
                .bind("limit", PAGE);
        if (after != null) {
            query = query.bind("afterAt", after.stagedAt()).bind("afterId", after.id());
        }
        return query.map(PhotoStaging::toEntry).all().collectList();
    }

    private static Entry toEntry(Readable row) {
        return new Entry(
                row.get("id", UUID.class),
                row.get("sha256", String.class),
                row.get("file_stamp", String.class),
                row.get("staged_at", Instant.class));
    }
}
