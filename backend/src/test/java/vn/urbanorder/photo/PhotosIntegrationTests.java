package vn.urbanorder.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;

/**
 * A photo file is removed only when this installation staged it, created it, and no record uses
 * it; it is never missing under a record, and another installation's files in the same folder are
 * never touched. A request's files stay only if the transaction that records them commits.
 */
@IntegrationTest
class PhotosIntegrationTests {

    @Autowired
    Photos photos;

    @Autowired
    PhotoStorage storage;

    @Autowired
    PhotoInspector inspector;

    @Autowired
    DatabaseClient database;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PhotoSweep sweep;

    @Autowired
    IncomingPhotos incoming;

    @Autowired
    PhotoStaging staging;

    @Autowired
    TransactionalOperator transactions;

    @Test
    void forgettingRemovesOnlyFilesNoRecordUses() {
        InspectedPhoto unused = photo(1);
        InspectedPhoto used = photo(2);
        StagedPhotos staged = photos.stage(Fixtures.DEMO_WARD, List.of(unused, used));
        photos.store(staged).block();
        record(used);

        photos.forget(staged).block();

        assertThat(storage.exists(unused.sha256()).block()).isFalse();
        assertThat(storage.exists(used.sha256()).block()).isTrue();
        assertThat(stagings(staged)).as("every staging ended").isZero();
    }

    @Test
    void recordingPutsBackAFileAFailedReportsCleanUpRemoved() throws IOException {
        InspectedPhoto photo = photo(3);
        photos.store(photos.stage(Fixtures.DEMO_WARD, List.of(photo))).block();
        Files.delete(pathOf(photo.sha256()));

        record(photo);

        assertThat(storage.exists(photo.sha256()).block()).isTrue();
    }

    @Test
    void theSweepRemovesOnlyFilesThisInstallationStagedAndAbandoned() throws IOException {
        InspectedPhoto abandoned = photo(4);
        InspectedPhoto recorded = photo(5);
        InspectedPhoto fresh = photo(6);
        InspectedPhoto anotherInstallations = photo(7);
        StagedPhotos abandonedLongAgo = photos.stage(Fixtures.DEMO_WARD, List.of(abandoned, recorded));
        photos.store(abandonedLongAgo).block();
        record(recorded);
        age(abandonedLongAgo);
        photos.store(photos.stage(Fixtures.DEMO_WARD, List.of(fresh))).block();
        // Put there by another installation sharing the folder, long ago: this database knows nothing of it.
        writeAsAnotherInstallation(anotherInstallations);

        sweep.sweep().block();

        assertThat(storage.exists(abandoned.sha256()).block()).isFalse();
        assertThat(storage.exists(recorded.sha256()).block()).isTrue();
        assertThat(storage.exists(fresh.sha256()).block())
                .as("may still be in flight")
                .isTrue();
        assertThat(storage.exists(anotherInstallations.sha256()).block())
                .as("not this installation's")
                .isTrue();
        assertThat(stagings(abandonedLongAgo)).isZero();
    }

    @Test
    void aFileSomebodyElseStoredSinceIsNotRemovedWithTheStagingThatCreatedIt(@TempDir Path folder) throws IOException {
        InspectedPhoto photo = photo(8);
        StagedPhotos staged = photos.stage(Fixtures.DEMO_WARD, List.of(photo));
        photos.store(staged).block();
        // Another installation on the same folder stores the same bytes and records them in its database.
        String stamp = storage.store(
                        photo.sha256(),
                        Files.write(folder.resolve("again.part"), TestUploads.bytesOf(photo)),
                        UUID.randomUUID())
                .block();
        assertThat(stamp).as("it was there already").isNull();

        photos.forget(staged).block();

        assertThat(storage.exists(photo.sha256()).block()).isTrue();
    }

    @Test
    void aStagingOfAFileThatWasThereAlreadyNeverRemovesIt() throws IOException {
        InspectedPhoto photo = photo(9);
        writeAsAnotherInstallation(photo);
        StagedPhotos staged = photos.stage(Fixtures.DEMO_WARD, List.of(photo));
        photos.store(staged).block();
        age(staged);

        sweep.sweep().block();

        assertThat(storage.exists(photo.sha256()).block()).isTrue();
        assertThat(stagings(staged)).isZero();
    }

    @Test
    void theSweepRemovesUploadsACrashLeftButNotThoseOfRequestsStillRunning() throws IOException {
        Path leftover = incoming.folder().resolve(UUID.randomUUID() + ".upload");
        Path running = incoming.folder().resolve(UUID.randomUUID() + ".upload");
        Files.write(leftover, new byte[] {1});
        Files.write(running, new byte[] {2});
        Files.setLastModifiedTime(leftover, FileTime.from(Instant.now().minusSeconds(7200)));

        sweep.sweep().block();

        assertThat(leftover).doesNotExist();
        assertThat(running).exists();
        Files.delete(running);
    }

    @Test
    void theSweepRemovesWhatAWriteCutShortLeftBehind() throws IOException {
        InspectedPhoto photo = photo(10);
        StagedPhotos staged = photos.stage(Fixtures.DEMO_WARD, List.of(photo));
        UUID stagingId = staged.ids().get(photo.sha256());
        // The instance died halfway through writing the file: its staging row and a partial file remain.
        staging.begin(staged, java.time.Instant.now()).block();
        Path partial = pathOf(photo.sha256()).resolveSibling(".upload-" + stagingId + ".part");
        Files.createDirectories(partial.getParent());
        Files.write(
                partial, java.util.Arrays.copyOf(TestUploads.bytesOf(photo), TestUploads.bytesOf(photo).length / 2));
        age(staged);

        sweep.sweep().block();

        assertThat(partial).doesNotExist();
        assertThat(storage.exists(photo.sha256()).block()).isFalse();
        assertThat(stagings(staged)).isZero();
    }

    @Test
    void workWhoseTransactionCommitsKeepsTheFilesForGood() {
        InspectedPhoto photo = photo(11);
        UUID report = fixtures.bareReport();

        photos.stageAndRun(
                        Fixtures.DEMO_WARD,
                        List.of(photo),
                        stored -> transactions.transactional(photos.record(Fixtures.DEMO_WARD, report, stored)))
                .block();

        assertThat(storage.exists(photo.sha256()).block()).isTrue();
        assertThat(stagingsOf(photo)).as("permanent: its staging ended").isZero();
    }

    @Test
    void workWhoseTransactionFailsLeavesNoFileBehind() {
        InspectedPhoto photo = photo(12);
        UUID report = fixtures.bareReport();
        AtomicBoolean storedFirst = new AtomicBoolean();

        assertThatThrownBy(() -> photos.stageAndRun(Fixtures.DEMO_WARD, List.of(photo), stored -> storage.exists(
                                        photo.sha256())
                                .doOnNext(storedFirst::set)
                                .then(transactions.transactional(photos.record(Fixtures.DEMO_WARD, report, stored)
                                        .then(Mono.error(new IllegalStateException("the transaction failed"))))))
                        .block())
                .hasMessageContaining("the transaction failed");

        assertThat(storedFirst).as("stored before the work ran").isTrue();
        assertThat(storage.exists(photo.sha256()).block()).isFalse();
        assertThat(stagingsOf(photo)).isZero();
    }

    @Test
    void workAbandonedMidwayLeavesNoFileBehind() {
        InspectedPhoto photo = photo(13);
        CountDownLatch running = new CountDownLatch(1);

        Disposable request = photos.stageAndRun(Fixtures.DEMO_WARD, List.of(photo), stored -> Mono.<Void>never()
                        .doOnSubscribe(subscription -> running.countDown()))
                .subscribe();
        await(() -> running.getCount() == 0, "the work to run");
        assertThat(storage.exists(photo.sha256()).block()).isTrue();
        request.dispose();

        await(() -> !storage.exists(photo.sha256()).block(), "the file to be removed");
        await(() -> stagingsOf(photo) == 0, "the staging to end");
    }

    /** Makes the submission look abandoned two hours ago. */
    private void age(StagedPhotos staged) {
        database.sql("UPDATE photo_staging SET staged_at = staged_at - interval '2 hours' WHERE id = ANY (:ids)")
                .bind("ids", staged.ids().values().toArray(UUID[]::new))
                .then()
                .block();
    }

    private long stagings(StagedPhotos staged) {
        return database.sql("SELECT count(*) AS n FROM photo_staging WHERE id = ANY (:ids)")
                .bind("ids", staged.ids().values().toArray(UUID[]::new))
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }

    /** The file, written two hours ago straight into the folder, as another installation would. */
    private static void writeAsAnotherInstallation(InspectedPhoto photo) throws IOException {
        Path path = pathOf(photo.sha256());
        Files.createDirectories(path.getParent());
        Files.write(path, TestUploads.bytesOf(photo));
        Files.setLastModifiedTime(path, FileTime.from(Instant.now().minusSeconds(7200)));
    }

    private static Path pathOf(String sha256) {
        return Path.of(Fixtures.PHOTO_FOLDER, sha256.substring(0, 2), sha256.substring(2, 4), sha256);
    }

    private long stagingsOf(InspectedPhoto photo) {
        return database.sql("SELECT count(*) AS n FROM photo_staging WHERE sha256 = :sha")
                .bind("sha", photo.sha256())
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited 5 s in vain for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private void record(InspectedPhoto photo) {
        photos.record(Fixtures.DEMO_WARD, fixtures.bareReport(), List.of(photo)).block();
    }

    /** A JPEG of its own, so its hash is this test's alone. */
    private InspectedPhoto photo(int seed) {
        var image = new java.awt.image.BufferedImage(40 + seed, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, UUID.randomUUID().hashCode());
        var out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return inspector
                .inspect(List.of(TestUploads.of(out.toByteArray())), ZoneId.of("Asia/Ho_Chi_Minh"))
                .block()
                .get(0);
    }
}
