package vn.urbanorder.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.api.model.ReportPhotoDto;
import vn.urbanorder.testing.EmptyDatabase;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;
import vn.urbanorder.testing.S3Server;
import vn.urbanorder.testing.ServiceProcess;
import vn.urbanorder.testing.Submission;
import vn.urbanorder.testing.TestPhotos;

/**
 * The whole service with its photos in a bucket of a real S3 protocol server: photos arrive in
 * the bucket and are served from it byte for byte, by this instance and another on the same
 * database; staging works as on disk (a request whose transaction fails or is abandoned leaves no
 * object), and the sweep removes only the abandoned objects this installation staged and created.
 */
@IntegrationTest
class S3PhotosIntegrationTests {

    private static final String PREFIX = "service-" + UUID.randomUUID() + "/";

    @DynamicPropertySource
    static void photosInTheBucket(DynamicPropertyRegistry registry) {
        S3Server.instance().settings(PREFIX).forEach((name, value) -> registry.add(name, () -> value));
    }

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Photos photos;

    @Autowired
    PhotoStorage storage;

    @Autowired
    PhotoInspector inspector;

    @Autowired
    PhotoSweep sweep;

    @Autowired
    DatabaseClient database;

    @Autowired
    TransactionalOperator transactions;

    @Test
    void theStorageIsTheBucket() {
        assertThat(storage).isInstanceOf(S3PhotoStorage.class);
    }

    @Test
    void aReportsPhotosGoToTheBucketAndAreServedFromItByteForByte() {
        String patrol = fixtures.bearer(fixtures.user(fixtures.ward(), "PATROL"));
        byte[] first = TestPhotos.uniqueJpeg();
        byte[] second = TestPhotos.uniqueJpeg();
        Submission submission = Submission.sound();

        ReportDto report = submission.submittedWithPhotos(http, patrol, first, second);
        // Sent again, as a phone does when it missed the answer: the same report, the objects renewed.
        submission.postWithPhotos(http, patrol, first, second).expectStatus().isOk();

        assertThat(report.getPhotos()).hasSize(2);
        assertThat(served(http, report.getPhotos().get(0), patrol)).isEqualTo(first);
        assertThat(served(http, report.getPhotos().get(1), patrol)).isEqualTo(second);
        for (ReportPhotoDto photo : report.getPhotos()) {
            assertThat(S3Server.instance().bytes(S3Server.originalKey(PREFIX, photo.getSha256())))
                    .hasSize(photo.getSizeBytes().intValue());
        }
    }

    @Test
    void viewerCopiesAreKeptInTheBucketBesideTheOriginal() throws IOException {
        String patrol = fixtures.bearer(fixtures.user(fixtures.ward(), "PATROL"));
        ReportDto report = Submission.sound().submittedWithPhotos(http, patrol, TestPhotos.uniqueJpeg());
        ReportPhotoDto photo = report.getPhotos().get(0);

        byte[] thumb = served(http, photo, patrol, "thumb");
        byte[] view = served(http, photo, patrol, "view");

        for (byte[] copy : List.of(thumb, view)) {
            var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(copy));
            assertThat(image).as("a JPEG").isNotNull();
        }
        String sha = photo.getSha256();
        assertThat(S3Server.instance().keys(PREFIX))
                .contains(
                        PREFIX + "copies/v" + CopySize.VERSION + "/thumb/" + sha.substring(0, 2) + "/"
                                + sha.substring(2, 4) + "/" + sha + ".jpg",
                        PREFIX + "copies/v" + CopySize.VERSION + "/view/" + sha.substring(0, 2) + "/"
                                + sha.substring(2, 4) + "/" + sha + ".jpg");
    }

    /**
     * Two instances on one database and one bucket, as a deployment of several runs: this one and
     * another in a JVM of its own, which is given no photo folder at all (a service on a real
     * database needs one only with photos on disk). Each serves the photo the other took in, and
     * neither photo is in this one's folder.
     */
    @Test
    void anotherInstanceOnTheSameDatabaseAndBucketServesThisOnesPhotosAndThisOneItsOwn(@TempDir Path folder)
            throws Exception {
        String patrol = fixtures.bearer(fixtures.user(fixtures.ward(), "PATROL"));
        byte[] takenInHere = TestPhotos.uniqueJpeg();
        byte[] takenInThere = TestPhotos.uniqueJpeg();
        String[] bucket = S3Server.instance().arguments(PREFIX).toArray(String[]::new);

        try (var other = ServiceProcess.start("-Xmx256m", folder, EmptyDatabase.ofTheRun(), bucket)) {
            ReportDto here = Submission.sound().submittedWithPhotos(http, patrol, takenInHere);
            ReportDto there = Submission.sound().submittedWithPhotos(other.http(), patrol, takenInThere);

            assertThat(served(other.http(), here.getPhotos().get(0), patrol)).isEqualTo(takenInHere);
            assertThat(served(http, there.getPhotos().get(0), patrol)).isEqualTo(takenInThere);
            assertThat(other.log())
                    .contains("Photos are kept in the S3 bucket 'photos' at "
                            + S3Server.instance().endpoint());
            assertThat(filesNamed(
                            Path.of(Fixtures.PHOTO_FOLDER),
                            here.getPhotos().get(0).getSha256(),
                            there.getPhotos().get(0).getSha256()))
                    .as("in this one's photo folder")
                    .isEmpty();
        }
    }

    @Test
    void workWhoseTransactionFailsLeavesNoObjectInTheBucket() {
        InspectedPhoto photo = photo();
        UUID report = fixtures.bareReport();

        assertThatThrownBy(() -> photos.stageAndRun(Fixtures.DEMO_WARD, List.of(photo), stored -> storage.exists(
                                        photo.sha256())
                                .filter(Boolean::booleanValue)
                                .switchIfEmpty(Mono.error(new AssertionError("not stored before the work")))
                                .then(transactions.transactional(photos.record(Fixtures.DEMO_WARD, report, stored)
                                        .then(Mono.error(new IllegalStateException("the transaction failed"))))))
                        .block())
                .hasMessageContaining("the transaction failed");

        assertThat(S3Server.instance().keys(PREFIX)).doesNotContain(S3Server.originalKey(PREFIX, photo.sha256()));
        assertThat(stagingsOf(photo.sha256())).isZero();
    }

    @Test
    void workAbandonedMidwayLeavesNoObjectInTheBucket() {
        InspectedPhoto photo = photo();
        CountDownLatch running = new CountDownLatch(1);

        Disposable request = photos.stageAndRun(Fixtures.DEMO_WARD, List.of(photo), stored -> Mono.<Void>never()
                        .doOnSubscribe(subscription -> running.countDown()))
                .subscribe();
        await(() -> running.getCount() == 0, "the work to run");
        assertThat(S3Server.instance().keys(PREFIX)).contains(S3Server.originalKey(PREFIX, photo.sha256()));
        request.dispose();

        await(
                () -> !S3Server.instance().keys(PREFIX).contains(S3Server.originalKey(PREFIX, photo.sha256())),
                "the object to be removed");
        await(() -> stagingsOf(photo.sha256()) == 0, "the staging to end");
    }

    @Test
    void theSweepRemovesOnlyObjectsThisInstallationStagedCreatedAndAbandoned() {
        InspectedPhoto abandoned = photo();
        InspectedPhoto recorded = photo();
        InspectedPhoto fresh = photo();
        InspectedPhoto anotherInstallations = photo();
        InspectedPhoto storedByBoth = photo();
        // Stored by another installation sharing the bucket, which this database knows nothing of;
        // the second of them is then staged here too, and abandoned.
        putAsAnotherInstallation(anotherInstallations);
        putAsAnotherInstallation(storedByBoth);
        StagedPhotos abandonedLongAgo = photos.stage(Fixtures.DEMO_WARD, List.of(abandoned, recorded, storedByBoth));
        photos.store(abandonedLongAgo).block();
        photos.record(Fixtures.DEMO_WARD, fixtures.bareReport(), List.of(recorded))
                .block();
        age(abandonedLongAgo);
        photos.store(photos.stage(Fixtures.DEMO_WARD, List.of(fresh))).block();

        sweep.sweep().block();

        List<String> keys = S3Server.instance().keys(PREFIX);
        assertThat(keys).doesNotContain(key(abandoned));
        assertThat(keys).contains(key(recorded), key(anotherInstallations), key(storedByBoth));
        assertThat(keys).as("may still be in flight").contains(key(fresh));
        assertThat(stagingsOf(abandoned.sha256())).isZero();
        assertThat(stagingsOf(storedByBoth.sha256())).isZero();
    }

    /** The original, as stored. */
    private static byte[] served(WebTestClient http, ReportPhotoDto photo, String bearer) {
        return served(http, photo, bearer, "original");
    }

    private static byte[] served(WebTestClient http, ReportPhotoDto photo, String bearer, String size) {
        return http.get()
                .uri(photo.getUrl() + "?size=" + size)
                .header("Authorization", bearer)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
    }

    /** The files under the folder with those names. */
    private static List<Path> filesNamed(Path folder, String... names) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(
                            file -> List.of(names).contains(file.getFileName().toString()))
                    .toList();
        }
    }

    private static String key(InspectedPhoto photo) {
        return S3Server.originalKey(PREFIX, photo.sha256());
    }

    private static void putAsAnotherInstallation(InspectedPhoto photo) {
        S3Server.instance()
                .put(key(photo), TestUploads.bytesOf(photo), Map.of(S3PhotoStorage.STAMP, "another-installation"));
    }

    /** Makes the submission look abandoned two hours ago. */
    private void age(StagedPhotos staged) {
        database.sql("UPDATE photo_staging SET staged_at = staged_at - interval '2 hours' WHERE id = ANY (:ids)")
                .bind("ids", staged.ids().values().toArray(UUID[]::new))
                .then()
                .block();
    }

    private long stagingsOf(String sha256) {
        return database.sql("SELECT count(*) AS n FROM photo_staging WHERE sha256 = :sha")
                .bind("sha", sha256)
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }

    private InspectedPhoto photo() {
        return inspector
                .inspect(List.of(TestUploads.of(TestPhotos.uniqueJpeg())), ZoneId.of("Asia/Ho_Chi_Minh"))
                .block()
                .get(0);
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited 10 s in vain for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
