package vn.urbanorder.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;

/** A photo file is removed only when no record uses it, and is never missing under a record. */
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
    PhotoSweep sweep;

    @Test
    void forgettingRemovesOnlyFilesNoRecordUses() {
        InspectedPhoto unused = photo(1);
        InspectedPhoto used = photo(2);
        List<String> created = new ArrayList<>();
        photos.store(List.of(unused, used), created::add).block();
        record(used);

        photos.forget(created).block();

        assertThat(storage.exists(unused.sha256()).block()).isFalse();
        assertThat(storage.exists(used.sha256()).block()).isTrue();
    }

    @Test
    void recordingPutsBackAFileAFailedReportsCleanUpRemoved() {
        InspectedPhoto photo = photo(3);
        photos.store(List.of(photo), sha -> {}).block();
        storage.delete(photo.sha256()).block();

        record(photo);

        assertThat(storage.exists(photo.sha256()).block()).isTrue();
    }

    @Test
    void theSweepRemovesOldFilesNoRecordUsesAndNothingElse() throws Exception {
        InspectedPhoto leftOver = photo(4);
        InspectedPhoto recorded = photo(5);
        InspectedPhoto fresh = photo(6);
        photos.store(List.of(leftOver, recorded, fresh), sha -> {}).block();
        record(recorded);
        age(leftOver.sha256());
        age(recorded.sha256());

        sweep.sweep().block();

        assertThat(storage.exists(leftOver.sha256()).block()).isFalse();
        assertThat(storage.exists(recorded.sha256()).block()).isTrue();
        assertThat(storage.exists(fresh.sha256()).block())
                .as("may still be in flight")
                .isTrue();
    }

    /** Makes a stored file look two hours old. */
    private static void age(String sha256) throws java.io.IOException {
        var path = java.nio.file.Path.of(Fixtures.PHOTO_FOLDER, sha256.substring(0, 2), sha256.substring(2, 4), sha256);
        java.nio.file.Files.setLastModifiedTime(
                path,
                java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(7200)));
    }

    private void record(InspectedPhoto photo) {
        UUID report = database.sql("""
                        INSERT INTO report (ward_id, reference, reporter_id, client_report_id, payload_sha256, category,
                                            lat, lon, observed_at, observed_offset_seconds, received_at, status)
                        VALUES (:ward, :reference, 'a1000000-0000-4000-8000-000000000102', :client, 'x',
                                'SANITATION', 21.0452, 105.8853, now(), 25200, now(), 'UNASSIGNED')
                        RETURNING id
                        """)
                .bind("ward", Fixtures.DEMO_WARD)
                .bind("reference", "TEST-" + UUID.randomUUID())
                .bind("client", UUID.randomUUID())
                .map(row -> row.get("id", UUID.class))
                .one()
                .block();
        photos.record(Fixtures.DEMO_WARD, report, List.of(photo)).block();
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
                .inspect(List.of(out.toByteArray()), ZoneId.of("Asia/Ho_Chi_Minh"))
                .block()
                .get(0);
    }
}
