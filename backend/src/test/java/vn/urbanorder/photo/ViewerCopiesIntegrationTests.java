package vn.urbanorder.photo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.api.model.ReportPhotoDto;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;
import vn.urbanorder.testing.JpegMarkers;
import vn.urbanorder.testing.Resolutions;
import vn.urbanorder.testing.Submission;
import vn.urbanorder.testing.TestPhotos;

/**
 * Every recorded photo gets a thumbnail and a viewer copy, upright and without metadata, made in
 * the background after its report commits, and served by size to whoever may read the report.
 */
@IntegrationTest
class ViewerCopiesIntegrationTests {

    private static final String IMMUTABLE_YEAR = "max-age=31536000, private, immutable";

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    String patrol;

    @BeforeEach
    void aPatrol() {
        patrol = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "PATROL"));
    }

    @Test
    void aPhotoWithItsPositionInExifGetsCopiesWithoutAnyMetadataAndTheOriginalStaysAsSent() {
        Submission submission = Submission.sound();
        byte[] sent = TestImages.jpeg(
                2400,
                1800,
                TestImages.phoneTiff(
                        ByteOrder.BIG_ENDIAN, "2026:11:20 08:15:00", "+07:00", submission.lat(), submission.lon()));
        ReportPhotoDto photo =
                submission.submittedWithPhotos(http, patrol, sent).getPhotos().get(0);
        assertThat(photo.getGps()).as("the original's position is read").isNotNull();

        awaitCopies(photo.getSha256());

        byte[] view = fetch(photo, "view", "\"" + photo.getSha256() + "-v1-view\"");
        byte[] byDefault = fetch(photo, null, "\"" + photo.getSha256() + "-v1-view\"");
        byte[] thumb = fetch(photo, "thumb", "\"" + photo.getSha256() + "-v1-thumb\"");
        assertThat(byDefault).isEqualTo(view).isEqualTo(read(copyFile(photo.getSha256(), CopySize.VIEW)));
        assertThat(CopyMakerTests.size(view)).containsExactly(1600, 1200);
        assertThat(CopyMakerTests.size(thumb)).containsExactly(320, 240);
        for (byte[] copy : List.of(view, thumb)) {
            assertThat(JpegMarkers.of(copy))
                    .as("no EXIF, XMP, ICC or comment")
                    .filteredOn(marker -> marker >= 0xE1 && marker <= 0xEF || marker == 0xFE)
                    .isEmpty();
        }

        byte[] original = http.get()
                .uri(photo.getUrl() + "?size=original")
                .header("Authorization", patrol)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(MediaType.IMAGE_JPEG)
                .expectHeader()
                .valueEquals("ETag", "\"" + photo.getSha256() + "\"")
                .expectHeader()
                .valueEquals("Cache-Control", "max-age=86400, private, immutable")
                .expectHeader()
                .contentLength(sent.length)
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        assertThat(original).as("the evidence, byte for byte, EXIF and all").isEqualTo(sent);
        assertThat(JpegMarkers.of(original)).contains(0xE1);
    }

    @Test
    void aCurrentCopyIsNotSentAgain() {
        ReportPhotoDto photo = Submission.sound()
                .submittedWithPhotos(http, patrol, TestPhotos.jpeg(500, 400))
                .getPhotos()
                .get(0);

        for (String size : List.of("thumb", "view")) {
            String tag = "\"" + photo.getSha256() + "-v1-" + size + "\"";
            fetch(photo, size, tag);
            http.get()
                    .uri(photo.getUrl() + "?size=" + size)
                    .header("Authorization", patrol)
                    .header("If-None-Match", tag)
                    .exchange()
                    .expectStatus()
                    .isNotModified()
                    .expectHeader()
                    .valueEquals("ETag", tag)
                    .expectHeader()
                    .valueEquals("Cache-Control", IMMUTABLE_YEAR);
        }
        http.get()
                .uri(photo.getUrl() + "?size=original")
                .header("Authorization", patrol)
                .header("If-None-Match", "\"" + photo.getSha256() + "\"")
                .exchange()
                .expectStatus()
                .isNotModified();
    }

    @Test
    void aPhotoTakenWithThePhoneTurnedIsCopiedUpright() {
        // 400 wide as stored; Orientation 6: upright it is 200 wide and 400 high.
        byte[] tiff =
                TestImages.tiff(ByteOrder.BIG_ENDIAN, List.of(CopyMakerTests.orientation(6)), List.of(), List.of());
        ReportPhotoDto photo = Submission.sound()
                .submittedWithPhotos(http, patrol, TestImages.jpeg(400, 200, tiff))
                .getPhotos()
                .get(0);

        assertThat(CopyMakerTests.size(fetch(photo, "view", "\"" + photo.getSha256() + "-v1-view\"")))
                .containsExactly(200, 400);
    }

    @Test
    void aSizeThatIsNoneOfTheThreeIsRefusedNamingIt() {
        ReportPhotoDto photo = Submission.sound()
                .submittedWithPhotos(http, patrol, TestPhotos.jpeg(64, 64))
                .getPhotos()
                .get(0);

        for (String size : List.of("huge", "VIEW", "original,view")) {
            http.get()
                    .uri(photo.getUrl() + "?size=" + size)
                    .header("Authorization", patrol)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(422)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("size");
        }
    }

    @Test
    void onlyThoseWhoMayReadTheReportGetAnySize() {
        ReportPhotoDto photo = Submission.sound()
                .submittedWithPhotos(http, patrol, TestPhotos.jpeg(90, 60))
                .getPhotos()
                .get(0);
        String stranger = fixtures.bearer(fixtures.user(fixtures.ward(), "INSPECTOR"));

        for (String size : List.of("thumb", "view", "original")) {
            http.get()
                    .uri(photo.getUrl() + "?size=" + size)
                    .header("Authorization", stranger)
                    .exchange()
                    .expectStatus()
                    .isNotFound();
            http.get()
                    .uri(photo.getUrl() + "?size=" + size)
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }
    }

    @Test
    void aHeicPhotoGetsAPlaceholderAndItsOriginalOnRequest() {
        byte[] heic = TestImages.heic(4032, 3024, null);
        ReportPhotoDto photo = Submission.sound()
                .submittedWithPhotos(http, patrol, heic)
                .getPhotos()
                .get(0);

        for (CopySize size : CopySize.values()) {
            String tag = "\"unavailable-v1-" + size.key() + "\"";
            byte[] placeholder = http.get()
                    .uri(photo.getUrl() + "?size=" + size.key())
                    .header("Authorization", patrol)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .contentType(MediaType.IMAGE_JPEG)
                    .expectHeader()
                    .valueEquals("Photo-Copy", "unavailable")
                    .expectHeader()
                    .valueEquals("ETag", tag)
                    .expectHeader()
                    .valueEquals("Cache-Control", "max-age=3600, private")
                    .expectBody(byte[].class)
                    .returnResult()
                    .getResponseBody();
            assertThat(CopyMakerTests.size(placeholder)).containsExactly(size.longSide(), size.longSide() * 3 / 4);
            assertThat(JpegMarkers.of(placeholder)).first().isEqualTo(0xE0);
            http.get()
                    .uri(photo.getUrl() + "?size=" + size.key())
                    .header("Authorization", patrol)
                    .header("If-None-Match", tag)
                    .exchange()
                    .expectStatus()
                    .isNotModified()
                    .expectHeader()
                    .valueEquals("Photo-Copy", "unavailable");
        }
        assertThat(http.get()
                        .uri(photo.getUrl() + "?size=original")
                        .header("Authorization", patrol)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .contentType("image/heic")
                        .expectBody(byte[].class)
                        .returnResult()
                        .getResponseBody())
                .isEqualTo(heic);
        assertThat(copyFile(photo.getSha256(), CopySize.VIEW)).doesNotExist();
    }

    @Test
    void aPhotoWhosePixelsCannotBeDecodedIsRecordedAndGetsThePlaceholder() {
        // Sound in structure, so the inspector takes it, but its image data is not zlib.
        byte[] png = TestImages.png(48, 32, null);
        byte[] damaged = TestImages.concat(
                java.util.Arrays.copyOf(png, 8 + 12 + 13),
                TestImages.pngChunk("IDAT", "not compressed pixels at all".getBytes()),
                TestImages.pngChunk("IEND", new byte[0]));

        ReportDto report = Submission.sound().submittedWithPhotos(http, patrol, damaged);

        ReportPhotoDto photo = report.getPhotos().get(0);
        http.get()
                .uri(photo.getUrl())
                .header("Authorization", patrol)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Photo-Copy", "unavailable")
                .expectHeader()
                .valueEquals("ETag", "\"unavailable-v1-view\"");
        assertThat(copyFile(photo.getSha256(), CopySize.THUMB)).doesNotExist();
    }

    @Test
    void aMissingCopyIsMadeWhenFirstAskedForOnceHoweverManyAsk() throws IOException {
        ReportPhotoDto photo = Submission.sound()
                .submittedWithPhotos(http, patrol, TestPhotos.jpeg(1200, 900))
                .getPhotos()
                .get(0);
        awaitCopies(photo.getSha256());
        byte[] made = read(copyFile(photo.getSha256(), CopySize.VIEW));
        Files.delete(copyFile(photo.getSha256(), CopySize.VIEW));
        Files.delete(copyFile(photo.getSha256(), CopySize.THUMB));

        List<CompletableFuture<byte[]>> asking = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(
                        () -> fetch(photo, "view", "\"" + photo.getSha256() + "-v1-view\"")))
                .toList();

        for (CompletableFuture<byte[]> answer : asking) {
            assertThat(answer.join()).isEqualTo(made);
        }
        assertThat(copyFile(photo.getSha256(), CopySize.THUMB)).exists();
    }

    @Test
    void afterPhotosAndReviewPhotosGetCopiesToo() {
        ReportDto report = Submission.sound().category("SANITATION").submitted(http, patrol);
        String staff = fixtures.bearer(fixtures.user(
                Fixtures.DEMO_WARD, report.getAssignment().getUnit().getId(), "UNIT_STAFF"));
        Resolutions.acceptAndResolve(http, staff, report);
        String inspector = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "INSPECTOR"));
        var review = new MultipartBodyBuilder();
        review.part("review", "{\"verdict\": \"CONFIRMED\", \"comment\": \"Đã xem\"}", MediaType.APPLICATION_JSON);
        review.part("photos", new org.springframework.core.io.ByteArrayResource(TestPhotos.jpeg(700, 500)) {
                    @Override
                    public String getFilename() {
                        return "xem.jpg";
                    }
                })
                .contentType(MediaType.IMAGE_JPEG);
        http.post()
                .uri("/api/v1/reports/" + report.getId() + "/reviews/with-photos")
                .header("Authorization", inspector)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(review.build()))
                .exchange()
                .expectStatus()
                .isCreated();

        List<ReportPhotoDto> photos = http.get()
                .uri("/api/v1/reports/" + report.getId())
                .header("Authorization", inspector)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody()
                .getPhotos();

        assertThat(photos).extracting(found -> found.getStage().getValue()).containsExactly("RESOLUTION", "REVIEW");
        for (ReportPhotoDto photo : photos) {
            awaitCopies(photo.getSha256());
        }
    }

    /** The body of a copy, checked to be a cacheable JPEG with the given tag. */
    private byte[] fetch(ReportPhotoDto photo, String size, String tag) {
        EntityExchangeResult<byte[]> answer = http.get()
                .uri(photo.getUrl() + (size == null ? "" : "?size=" + size))
                .header("Authorization", patrol)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(MediaType.IMAGE_JPEG)
                .expectHeader()
                .valueEquals("ETag", tag)
                .expectHeader()
                .valueEquals("Cache-Control", IMMUTABLE_YEAR)
                .expectHeader()
                .doesNotExist("Photo-Copy")
                .expectBody(byte[].class)
                .returnResult();
        byte[] body = answer.getResponseBody();
        assertThat(answer.getResponseHeaders().getContentLength()).isEqualTo(body.length);
        return body;
    }

    /** Waits until both copies of the photo are in the photo folder (made in the background). */
    static void awaitCopies(String sha256) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!(Files.exists(copyFile(sha256, CopySize.THUMB)) && Files.exists(copyFile(sha256, CopySize.VIEW)))) {
            assertThat(Instant.now()).as("copies of %s made in time", sha256).isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static Path copyFile(String sha256, CopySize size) {
        return Path.of(
                Fixtures.PHOTO_FOLDER,
                "copies",
                "v" + CopySize.VERSION,
                size.key(),
                sha256.substring(0, 2),
                sha256.substring(2, 4),
                sha256 + ".jpg");
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
