package vn.urbanorder.photo;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.urbanorder.shared.AdvisoryLocks;
import vn.urbanorder.shared.Binds;
import vn.urbanorder.shared.GeoPoint;

/** The photos of reports: recording them with their report, and reading them back. */
@Service
public class Photos {

    private static final String SELECT = "SELECT id, report_id, position, sha256, content_type, size_bytes, width,"
            + " height, taken_at, gps_lat, gps_lon, stage FROM photo ";

    private static final Logger log = LoggerFactory.getLogger(Photos.class);

    private final DatabaseClient database;
    private final PhotoStorage storage;
    private final AdvisoryLocks locks;
    private final TransactionalOperator transactions;

    Photos(DatabaseClient database, PhotoStorage storage, AdvisoryLocks locks, TransactionalOperator transactions) {
        this.database = database;
        this.storage = storage;
        this.locks = locks;
        this.transactions = transactions;
    }

    /**
     * Puts the files in storage, telling {@code created} each file this call created, as soon as
     * it exists, so that {@link #forget} can remove them again if the report is not recorded.
     */
    public Mono<Void> store(List<InspectedPhoto> photos, Consumer<String> created) {
        return Flux.fromIterable(photos)
                .concatMap(photo -> storage.store(photo.sha256(), photo.bytes()).doOnNext(wasCreated -> {
                    if (wasCreated) {
                        created.accept(photo.sha256());
                    }
                }))
                .then();
    }

    /**
     * Removes files stored for a report that was not recorded, unless a record uses them. Each
     * file's check and removal hold the file's advisory lock, which {@link #record} takes too,
     * so a file another report is recording at this moment is never removed under it. Never
     * fails: what cannot be removed now is logged and left for a sweep.
     */
    public Mono<Void> forget(Collection<String> created) {
        return Flux.fromIterable(List.copyOf(created))
                .concatMap(sha256 -> transactions
                        .transactional(locks.lock(AdvisoryLocks.Space.PHOTO_FILE, sha256)
                                .then(database.sql("SELECT EXISTS (SELECT 1 FROM photo WHERE sha256 = :sha) AS used")
                                        .bind("sha", sha256)
                                        .map(row -> Boolean.TRUE.equals(row.get("used", Boolean.class)))
                                        .one())
                                .filter(used -> !used)
                                .flatMap(unused -> storage.delete(sha256)))
                        .onErrorResume(failure -> {
                            log.warn("Could not remove the unrecorded photo file {}: {}", sha256, failure.toString());
                            return Mono.empty();
                        }))
                .then();
    }

    /** Those of the hashes no photo record refers to. */
    public Flux<String> unreferenced(List<String> hashes) {
        return database.sql("SELECT candidate FROM unnest(CAST(:hashes AS text[])) AS candidate"
                        + " WHERE NOT EXISTS (SELECT 1 FROM photo WHERE sha256 = candidate)")
                .bind("hashes", hashes.toArray(String[]::new))
                .map(row -> row.get("candidate", String.class))
                .all();
    }

    /**
     * Records the photos of a new report; call in the transaction that inserts the report. Under
     * each file's advisory lock (taken in a fixed order) it makes sure the file is still there,
     * storing it again if a failed report's clean-up removed it a moment ago.
     */
    public Mono<Void> record(UUID wardId, UUID reportId, List<InspectedPhoto> photos) {
        return record(wardId, reportId, photos, PhotoStage.REPORT, 0);
    }

    /**
     * Records photos added to an existing report at a later stage (the unit's "after" photos),
     * numbered after those it has; call in the transaction that changes the report, after its
     * row was updated, so two additions never take the same numbers.
     */
    public Mono<Void> add(UUID wardId, UUID reportId, List<InspectedPhoto> photos, PhotoStage stage) {
        return database.sql("SELECT coalesce(max(position), 0) AS last FROM photo WHERE report_id = :report")
                .bind("report", reportId)
                .map(row -> row.get("last", Integer.class))
                .one()
                .flatMap(last -> record(wardId, reportId, photos, stage, last));
    }

    private Mono<Void> record(
            UUID wardId, UUID reportId, List<InspectedPhoto> photos, PhotoStage stage, int lastPosition) {
        Flux<Void> kept = Flux.fromIterable(photos.stream()
                        .map(InspectedPhoto::sha256)
                        .distinct()
                        .sorted()
                        .toList())
                .concatMap(sha256 -> locks.lock(AdvisoryLocks.Space.PHOTO_FILE, sha256)
                        .then(storage.exists(sha256))
                        .filter(exists -> !exists)
                        .flatMap(missing -> storage.store(sha256, bytesOf(photos, sha256)))
                        .then());
        return kept.thenMany(Flux.range(0, photos.size())
                        .concatMap(
                                index -> insert(wardId, reportId, lastPosition + index + 1, photos.get(index), stage)))
                .then();
    }

    private Mono<Void> insert(UUID wardId, UUID reportId, int position, InspectedPhoto photo, PhotoStage stage) {
        var insert = database.sql("""
                        INSERT INTO photo (ward_id, report_id, position, sha256, content_type, size_bytes,
                                           width, height, taken_at, gps_lat, gps_lon, stage)
                        VALUES (:ward, :report, :position, :sha, :type, :size, :width, :height, :taken, :lat, :lon,
                                :stage)
                        """)
                .bind("ward", wardId)
                .bind("report", reportId)
                .bind("position", position)
                .bind("stage", stage.name())
                .bind("sha", photo.sha256())
                .bind("type", photo.type().contentType())
                .bind("size", photo.sizeBytes());
        insert = Binds.nullable(insert, "width", photo.width(), Integer.class);
        insert = Binds.nullable(insert, "height", photo.height(), Integer.class);
        insert = Binds.nullable(insert, "taken", photo.takenAt(), Instant.class);
        insert = Binds.nullable(
                insert, "lat", photo.gps() == null ? null : photo.gps().lat(), Double.class);
        insert = Binds.nullable(
                insert, "lon", photo.gps() == null ? null : photo.gps().lon(), Double.class);
        return insert.then();
    }

    private static byte[] bytesOf(List<InspectedPhoto> photos, String sha256) {
        return photos.stream()
                .filter(photo -> photo.sha256().equals(sha256))
                .findFirst()
                .orElseThrow()
                .bytes();
    }

    public Flux<Photo> ofReports(Collection<UUID> reportIds) {
        if (reportIds.isEmpty()) {
            return Flux.empty();
        }
        return database.sql(SELECT + "WHERE report_id = ANY (:reports) ORDER BY report_id, position")
                .bind("reports", reportIds.toArray(UUID[]::new))
                .map(Photos::toPhoto)
                .all();
    }

    public Mono<Photo> find(UUID reportId, UUID photoId) {
        return database.sql(SELECT + "WHERE report_id = :report AND id = :id")
                .bind("report", reportId)
                .bind("id", photoId)
                .map(Photos::toPhoto)
                .one();
    }

    /** The photo's file; empty if storage lost it. */
    public Mono<Resource> content(Photo photo) {
        return storage.resource(photo.sha256());
    }

    private static Photo toPhoto(Readable row) {
        Double lat = row.get("gps_lat", Double.class);
        Double lon = row.get("gps_lon", Double.class);
        return new Photo(
                row.get("id", UUID.class),
                row.get("report_id", UUID.class),
                row.get("position", Short.class),
                row.get("sha256", String.class),
                row.get("content_type", String.class),
                row.get("size_bytes", Long.class),
                row.get("width", Integer.class),
                row.get("height", Integer.class),
                row.get("taken_at", Instant.class),
                lat == null || lon == null ? null : new GeoPoint(lat, lon),
                PhotoStage.valueOf(row.get("stage", String.class)));
    }
}
