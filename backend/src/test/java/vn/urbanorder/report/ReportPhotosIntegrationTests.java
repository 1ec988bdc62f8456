package vn.urbanorder.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.shared.Sha256;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.HostilePhotos;
import vn.urbanorder.testing.IntegrationTest;
import vn.urbanorder.testing.Submission;
import vn.urbanorder.testing.TestPhotos;

/** Reports with photos arrive whole or not at all, and their photos are served only to those who may see them. */
@IntegrationTest
class ReportPhotosIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DatabaseClient database;

    @LocalServerPort
    int port;

    UUID ward;
    String patrol;

    @BeforeEach
    void aWardWithAPatrol() {
        ward = fixtures.ward();
        patrol = fixtures.bearer(fixtures.user(ward, "PATROL"));
    }

    @Test
    void aReportWithTwoPhotosArrivesOnceAndItsPhotosAreServed() {
        var submission = Submission.sound();
        byte[] first = TestPhotos.jpeg(640, 480);
        byte[] second = TestPhotos.jpeg(320, 240);

        ReportDto report = submission
                .postWithPhotos(http, patrol, first, second)
                .expectStatus()
                .isCreated()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();
        ReportDto retry = submission
                .postWithPhotos(http, patrol, first, second)
                .expectStatus()
                .isOk()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();

        assertThat(retry.getId()).isEqualTo(report.getId());
        assertThat(uploadsWaiting())
                .as("the uploaded files went with their requests")
                .isZero();
        assertThat(report.getPhotos()).hasSize(2);
        var photo = report.getPhotos().get(0);
        assertThat(photo.getContentType()).isEqualTo("image/jpeg");
        assertThat(photo.getSizeBytes()).isEqualTo(first.length);
        assertThat(photo.getWidth()).isEqualTo(640);
        assertThat(photo.getHeight()).isEqualTo(480);
        assertThat(report.getFlags()).isEmpty();

        byte[] served = http.get()
                .uri(photo.getUrl() + "?size=original")
                .header("Authorization", patrol)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(MediaType.IMAGE_JPEG)
                .expectHeader()
                .valueEquals("ETag", "\"" + photo.getSha256() + "\"")
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        assertThat(served).isEqualTo(first);
        http.get()
                .uri(photo.getUrl() + "?size=original")
                .header("Authorization", patrol)
                .header("If-None-Match", "\"" + photo.getSha256() + "\"")
                .exchange()
                .expectStatus()
                .isNotModified();
        String stranger = fixtures.bearer(fixtures.user(fixtures.ward(), "PATROL"));
        http.get()
                .uri(photo.getUrl() + "?size=original")
                .header("Authorization", stranger)
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void aPhotoTakenFarFromTheReportIsFlaggedAndItsPositionRead() {
        // About 330 m north of the report's point.
        Submission far = Submission.sound();
        ReportDto report = far.postWithPhotos(http, patrol, TestPhotos.jpegTakenAt(far.lat() + 0.003, far.lon()))
                .expectStatus()
                .isCreated()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();

        assertThat(report.getFlags()).extracting(Enum::name).containsExactly("PHOTO_LOCATION_MISMATCH");
        assertThat(report.getPhotos().get(0).getGps().getLat())
                .isCloseTo(far.lat() + 0.003, org.assertj.core.data.Offset.offset(1e-4));

        Submission close = Submission.sound();
        ReportDto near = close.postWithPhotos(
                        http, patrol, TestPhotos.jpegTakenAt(close.lat() + 0.0001, close.lon() + 0.0001))
                .expectStatus()
                .isCreated()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();
        assertThat(near.getFlags()).isEmpty();
    }

    @Test
    void aTextFilePosingAsAPhotoIsRefusedAndNothingIsStored() {
        long filesBefore = storedFiles();

        Submission.sound()
                .postWithPhotos(
                        http, patrol, TestPhotos.jpeg(64, 64), "not really a photo".getBytes(StandardCharsets.UTF_8))
                .expectStatus()
                .isEqualTo(415)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        Submission.sound()
                .postWithPhotos(http, patrol, new byte[0])
                .expectStatus()
                .isEqualTo(415);

        assertThat(countReports()).isZero();
        assertThat(storedFiles()).isEqualTo(filesBefore);
    }

    @Test
    void anExifAmplificationIsRefusedAndTheNextRequestIsAnswered() {
        byte[] bomb = HostilePhotos.exifAmplification(10);

        Submission.sound()
                .postWithPhotos(http, patrol, TestPhotos.jpeg(64, 48), bomb)
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("photos[1]");
        Submission.sound()
                .postWithPhotos(http, patrol, TestPhotos.jpeg(64, 48))
                .expectStatus()
                .isCreated();

        assertThat(countReports()).isOne();
        String sha256 = Sha256.hex(bomb);
        assertThat(Path.of(Fixtures.PHOTO_FOLDER, sha256.substring(0, 2), sha256.substring(2, 4), sha256))
                .doesNotExist();
    }

    @Test
    void aWebPageBehindAnImagesFirstBytesIsRefusedAndNothingIsStored() {
        long filesBefore = storedFiles();

        for (byte[] page : List.of(
                HostilePhotos.htmlBehindJpegSignature(),
                HostilePhotos.htmlBehindWebpSignature(),
                HostilePhotos.htmlBehindHeicSignature())) {
            Submission.sound()
                    .postWithPhotos(http, patrol, page)
                    .expectStatus()
                    .isEqualTo(415)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }

        assertThat(countReports()).isZero();
        assertThat(storedFiles()).isEqualTo(filesBefore);
    }

    @Test
    void aPhotoDeclaringMorePixelsThanAllowedIsRefusedAndNothingIsStored() {
        long filesBefore = storedFiles();

        for (byte[] bomb :
                List.of(HostilePhotos.jpegDeclaring(65535, 65535), HostilePhotos.pngDeclaring(100_000, 100_000))) {
            Submission.sound()
                    .postWithPhotos(http, patrol, bomb)
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("photos[0]");
        }

        assertThat(countReports()).isZero();
        assertThat(storedFiles()).isEqualTo(filesBefore);
    }

    @Test
    void anOversizedPhotoIsRefusedAndNothingIsStored() {
        long filesBefore = storedFiles();
        byte[] huge = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(TestPhotos.jpeg(64, 64), 0, huge, 0, 100);

        Submission.sound().postWithPhotos(http, patrol, huge).expectStatus().isEqualTo(413);

        assertThat(countReports()).isZero();
        assertThat(storedFiles()).isEqualTo(filesBefore);
    }

    @Test
    void moreThanSixPhotosAreRefused() {
        byte[][] seven = Stream.generate(() -> TestPhotos.jpeg(32, 32)).limit(7).toArray(byte[][]::new);

        Submission.sound()
                .postWithPhotos(http, patrol, seven)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("photos");
        assertThat(countReports()).isZero();
    }

    @Test
    void farTooManyPartsAreRefusedBeforeAnyPhotoIsRead() {
        byte[][] nine = Stream.generate(() -> TestPhotos.jpeg(32, 32)).limit(9).toArray(byte[][]::new);

        var status = Submission.sound()
                .postWithPhotos(http, patrol, nine)
                .returnResult(String.class)
                .getStatus();

        assertThat(status.is4xxClientError()).isTrue();
        assertThat(countReports()).isZero();
    }

    @Test
    void aClientThatVanishesMidUploadLeavesNothingBehind() throws Exception {
        long filesBefore = storedFiles();
        var submission = Submission.sound();
        String boundary = "vanishing-boundary";
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"report\"\r\n"
                + "Content-Type: application/json\r\n\r\n"
                + submission.json() + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"photos\"; filename=\"a.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n";
        byte[] photo = TestPhotos.jpeg(800, 600);

        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/reports HTTP/1.1\r\nHost: localhost\r\n"
                            + "Authorization: " + patrol + "\r\n"
                            + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                            + "Content-Length: " + (head.length() + photo.length + 200) + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.write(photo, 0, photo.length / 2);
            out.flush();
        }
        Thread.sleep(1500);

        assertThat(countReports()).isZero();
        assertThat(storedFiles()).isEqualTo(filesBefore);
    }

    private long countReports() {
        return database.sql("SELECT count(*) AS n FROM report WHERE ward_id = :ward")
                .bind("ward", ward)
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }

    /**
     * Uploads in the folder where they wait while their request runs (the copy workers fetch
     * originals there too, as {@code .copying} files, in the background).
     */
    private static long uploadsWaiting() {
        try (Stream<Path> files = Files.list(Path.of(Fixtures.PHOTO_FOLDER, ".incoming"))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".upload"))
                    .count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Files in the photo folder, but for viewer copies (made in the background after other tests'
     * reports, at any moment) and what the copy workers fetch to make them.
     */
    private static long storedFiles() {
        Path folder = Path.of(Fixtures.PHOTO_FOLDER);
        if (!Files.exists(folder)) {
            return 0;
        }
        Path copies = folder.resolve("copies");
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !file.startsWith(copies))
                    .filter(file -> !file.getFileName().toString().endsWith(".copying"))
                    .count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
