package vn.urbanorder.photo;

import io.r2dbc.spi.Readable;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.urbanorder.shared.AdvisoryLocks;
import vn.urbanorder.shared.Binds;
import vn.urbanorder.shared.GeoPoint;
import vn.urbanorder.shared.RandomIds;

/** The photos of reports: staging their files, recording them with their report, and reading them back. */
@Service
public class Photos {

    private static final String SELECT = "SELECT id, report_id, position, sha256, content_type, size_bytes, width,"
            + " height, taken_at, gps_lat, gps_lon, stage FROM photo ";

    private static final Logger log = LoggerFactory.getLogger(Photos.class);

    private final DatabaseClient database;
    private final PhotoStorage storage;
    private final AdvisoryLocks locks;
    private final TransactionalOperator transactions;
    private final PhotoStaging staging;
    private final PhotoCopies copies;
    private final Clock clock;

    Photos(
            DatabaseClient database,
            PhotoStorage storage,
            AdvisoryLocks locks,
            TransactionalOperator transactions,
            PhotoStaging staging,
            PhotoCopies copies,
            Clock clock) {
        this.database = database;
        this.storage = storage;
        this.locks = locks;
        this.transactions = transactions;
        this.staging = staging;
        this.copies = copies;
        this.clock = clock;
    }

    /**
     * The photos of one request, already inspected, on their way in: stores their files (each
     * staged first), runs the caller's work, whose transaction records them ({@link #record} or
     * {@link #add}) and so makes them permanent when it commits, and removes the files this
     * request created if the work fails or the request is abandoned at any point. Without photos
     * it only runs the work.
     */
    public <T> Mono<T> stageAndRun(UUID wardId, List<InspectedPhoto> photos, StagedWork<T> work) {
        if (photos.isEmpty()) {
            return Mono.defer(() -> work.run(photos));
        }
        return Mono.defer(() -> {
            // Staged before they are stored, so that a clean-up knows what to look for.
            StagedPhotos staged = stage(wardId, photos);
            return store(staged)
                    .then(Mono.defer(() -> work.run(photos)))
                    .onErrorResume(failure -> forget(staged).then(Mono.error(failure)))
                    .doOnCancel(() -> forget(staged).subscribe());
        });
    }

    /** A caller's work with photos whose files are stored: its transaction records them. */
    @FunctionalInterface
    public interface StagedWork<T> {
        Mono<T> run(List<InspectedPhoto> stored);
    }

    /** The photos of a submission, to be staged; nothing is stored yet. */
    StagedPhotos stage(UUID wardId, List<InspectedPhoto> photos) {
        return StagedPhotos.of(wardId, photos);
    }

    /**
     * Puts the files in storage, each written down as staged first, so that if the report is not
     * recorded {@link #forget} (or, failing that, the sweep) removes the files this submission
     * created, and no other.
     */
    Mono<Void> store(StagedPhotos staged) {
        if (staged.ids().isEmpty()) {
            return Mono.empty();
        }
        return staging.begin(staged, clock.instant())
                .thenMany(Flux.fromIterable(staged.ids().entrySet()))
                .concatMap(file -> storage.store(file.getKey(), staged.fileOf(file.getKey()), file.getValue())
                        .flatMap(stamp -> staging.created(file.getValue(), stamp)))
                .then();
    }

    /**
     * Ends the stagings of a submission whose report was not recorded, removing the files it
     * created unless a record uses them or somebody stored the same bytes since. Never fails:
     * what cannot be removed now is logged and left for the sweep.
     */
    Mono<Void> forget(StagedPhotos staged) {
        return Flux.fromIterable(staged.ids().entrySet())
                .concatMap(file -> discard(file.getValue(), file.getKey()).onErrorResume(failure -> {
                    log.warn("Could not remove the unrecorded photo file {}: {}", file.getKey(), failure.toString());
                    return Mono.empty();
                }))
                .then();
    }

    /**
     * Ends one staging and removes its file if it created it, no record uses it and nobody has
     * stored it since. The check and removal hold the file's advisory lock, which {@link #record}
     * takes too, so a file another report is recording at this moment is never removed under
     * it. A staging that had ended (its report recorded) is left alone.
     */
    Mono<Void> discard(UUID stagingId, String sha256) {
        return transactions
                .transactional(locks.lock(AdvisoryLocks.Space.PHOTO_FILE, sha256)
                        .then(staging.take(stagingId))
                        .filter(entry -> entry.stamp() != null)
                        .flatMap(created -> used(sha256)
                                .filter(used -> !used)
                                .flatMap(unused -> storage.deleteIfUnchanged(
                                        sha256, Objects.requireNonNull(created.stamp(), "filtered above")))))
                .then(storage.removeUnfinished(sha256, stagingId));
    }

    private Mono<Boolean> used(String sha256) {
        return database.sql("SELECT EXISTS (SELECT 1 FROM photo WHERE sha256 = :sha) AS used")
                .bind("sha", sha256)
                .map(row -> Boolean.TRUE.equals(row.get("used", Boolean.class)))
                .one();
    }

    /**
     * Records the photos of a new report; call in the transaction that inserts the report. Under
     * each file's advisory lock (taken in a fixed order) it makes sure the file is still there,
     * storing it again if a failed report's clean-up removed it a moment ago. The files' stagings
     * end with the commit: from then on they are permanent.
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
                        .flatMap(missing -> storage.store(sha256, fileOf(photos, sha256), RandomIds.uuid()))
                        .then());
        return kept.thenMany(Flux.range(0, photos.size())
                        .concatMap(
                                index -> insert(wardId, reportId, lastPosition + index + 1, photos.get(index), stage)))
                .then(
                        photos.isEmpty()
                                ? Mono.empty()
                                : staging.committed(
                                        wardId,
                                        photos.stream()
                                                .map(InspectedPhoto::sha256)
                                                .toList()))
                .then(copiesOnceCommitted(photos));
    }

    /**
     * Has the viewer copies of the photos made once the transaction that records them commits:
     * this is the one place every recording passes (intake, a unit's after-photos, an inspector's
     * review photos, the demo's past reports), and a rollback leaves nothing to copy. Without a
     * transaction the rows are in already, so the copies are started at once. Starting them
     * never fails and never delays the caller.
     */
    private Mono<Void> copiesOnceCommitted(List<InspectedPhoto> photos) {
        if (photos.isEmpty()) {
            return Mono.empty();
        }
        return TransactionSynchronizationManager.forCurrentTransaction()
                .filter(TransactionSynchronizationManager::isSynchronizationActive)
                .doOnNext(transaction -> transaction.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public Mono<Void> afterCommit() {
                        return Mono.fromRunnable(() -> copies.makeSoon(photos));
                    }
                }))
                .switchIfEmpty(Mono.fromRunnable(() -> copies.makeSoon(photos)))
                .onErrorResume(NoTransactionException.class, none -> Mono.fromRunnable(() -> copies.makeSoon(photos)))
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

    /** The uploaded file of the photo with this hash. */
    static Path fileOf(List<InspectedPhoto> photos, String sha256) {
        return photos.stream()
                .filter(photo -> photo.sha256().equals(sha256))
                .findFirst()
                .orElseThrow()
                .file();
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
    public Mono<StoredFile> content(Photo photo) {
        return storage.open(photo.sha256());
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
