package vn.urbanorder.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.png.PngDirectory;
import com.drew.metadata.webp.WebpDirectory;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.TimeZone;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import reactor.test.StepVerifier;
import vn.urbanorder.shared.InvalidRequestException;
import vn.urbanorder.shared.ProblemException;
import vn.urbanorder.testing.HostilePhotos;
import vn.urbanorder.testing.TestPhotos;

class PhotoInspectorTests {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final byte[] TIFF =
            TestImages.phoneTiff(ByteOrder.BIG_ENDIAN, "2026:11:20 09:15:30", "+07:00", 21.0452, 105.8853);

    private final PhotoInspector inspector = inspector(50_000_000, Duration.ofSeconds(5));

    @Test
    void photosOfEveryFormatReadAsTheMetadataLibraryReadThem() throws Exception {
        List<byte[]> photos = List.of(
                TestImages.jpeg(640, 480, TIFF),
                TestPhotos.jpegTakenAt(21.0452, 105.8853),
                TestImages.png(120, 90, TIFF),
                TestImages.webpExtended(7, 5, TestImages.webpChunk("VP8L", TestImages.VP8L_7X5), TIFF),
                TestImages.heic(64, 48, TIFF));

        for (byte[] bytes : photos) {
            InspectedPhoto photo = inspector.read(TestUploads.of(bytes), 0, HANOI);
            Metadata library = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);

            var exif = library.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            var gps = library.getFirstDirectoryOfType(GpsDirectory.class).getGeoLocation();
            assertThat(photo.takenAt())
                    .isEqualTo(
                            exif == null
                                    ? null
                                    : exif.getDateOriginal(TimeZone.getTimeZone(HANOI))
                                            .toInstant());
            assertThat(photo.gps().lat()).isEqualTo(gps.getLatitude());
            assertThat(photo.gps().lon()).isEqualTo(gps.getLongitude());
            Integer width = libraryWidth(library);
            if (photo.type() != PhotoType.HEIC) {
                assertThat(photo.width()).as(photo.type().name()).isEqualTo(width);
            }
        }
    }

    @Test
    void anExifAmplificationIsRefusedWithinAFewMegabytesAndMilliseconds() {
        for (int segments : new int[] {10, 150}) {
            byte[] bomb = HostilePhotos.exifAmplification(segments);

            Measured<Throwable> refusal = measure(() -> {
                try {
                    inspector.read(TestUploads.of(bomb), 0, HANOI);
                    return null;
                } catch (RuntimeException refused) {
                    return refused;
                }
            });

            assertThat(refusal.result())
                    .isInstanceOf(InvalidRequestException.class)
                    .extracting(e ->
                            ((InvalidRequestException) e).fieldErrors().get(0).field())
                    .isEqualTo("photos[0]");
            assertThat(refusal.allocatedBytes())
                    .as("bytes allocated to refuse a file of %d bytes", bomb.length)
                    .isLessThan(1_000_000);
            assertThat(refusal.elapsed()).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void readingAWholeSoundPhotoAllocatesLittle() {
        UploadedPhoto photo = TestUploads.of(TestImages.jpeg(2000, 1500, TIFF));

        Measured<InspectedPhoto> read = measure(() -> inspector.read(photo, 0, HANOI));

        assertThat(read.result().takenAt()).isNotNull();
        assertThat(read.allocatedBytes()).isLessThan(200_000);
    }

    @Test
    void aWebPageBehindAnImagesFirstBytesIsAnUnsupportedMediaType() {
        for (byte[] page : List.of(
                HostilePhotos.htmlBehindJpegSignature(),
                HostilePhotos.htmlBehindWebpSignature(),
                HostilePhotos.htmlBehindHeicSignature())) {
            assertThatThrownBy(() -> inspector.read(TestUploads.of(page), 2, HANOI))
                    .isInstanceOfSatisfying(ProblemException.class, problem -> {
                        assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
                        assertThat(problem.getBody().getDetail()).startsWith("Tệp thứ 3 ");
                    });
        }
    }

    @Test
    void aDeclaredSizeOverTheLimitIsRefusedWhateverTheFormat() {
        for (byte[] bomb : List.of(
                HostilePhotos.jpegDeclaring(65535, 65535),
                HostilePhotos.pngDeclaring(100_000, 100_000),
                TestImages.heic(100_000, 100_000, null),
                TestImages.webpExtended(16384, 16384, TestImages.webpChunk("VP8L", TestImages.VP8L_7X5), null))) {
            assertThatThrownBy(() -> inspector.read(TestUploads.of(bomb), 0, HANOI))
                    .isInstanceOfSatisfying(InvalidRequestException.class, invalid -> assertThat(
                                    invalid.fieldErrors().get(0).field())
                            .isEqualTo("photos[0]"));
        }
    }

    @Test
    void theLimitIsASetting() {
        var strict = inspector(3000, Duration.ofSeconds(5));

        assertThat(strict.read(TestUploads.of(TestPhotos.jpeg(60, 50)), 0, HANOI)
                        .width())
                .isEqualTo(60);
        assertThatThrownBy(() -> strict.read(TestUploads.of(TestPhotos.jpeg(64, 48)), 0, HANOI))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("64 × 48")
                .hasMessageContaining("vượt quá giới hạn 3000 điểm ảnh");
    }

    @Test
    void theRefusalNamesThePhotoOfTheRequest() {
        var photos = List.of(TestPhotos.jpeg(64, 48), HostilePhotos.pngDeclaring(100_000, 100_000));

        StepVerifier.create(inspector.inspect(TestUploads.of(photos), HANOI))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOfSatisfying(InvalidRequestException.class, invalid -> assertThat(
                                        invalid.fieldErrors().get(0).field())
                                .isEqualTo("photos[1]")))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void aPhotoNotReadInTimeIsRefused() {
        // However quick the real readers are, this one takes two seconds for a limit of 50 ms.
        var properties = new PhotosProperties(
                "unused", 10_485_760, 6, 150, 4, Duration.ofHours(1), 50_000_000, Duration.ofMillis(50), null);
        var slow = new PhotoInspector(properties) {
            @Override
            InspectedPhoto read(UploadedPhoto upload, int index, ZoneId localZone) {
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.read(upload, index, localZone);
            }
        };

        StepVerifier.create(slow.inspect(List.of(TestUploads.of(TestPhotos.jpeg(64, 48))), HANOI))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(InvalidRequestException.class)
                        .hasMessageContaining("photos[0]"))
                .verify(Duration.ofSeconds(10));
    }

    private static Integer libraryWidth(Metadata metadata) {
        var jpeg = metadata.getFirstDirectoryOfType(JpegDirectory.class);
        var png = metadata.getFirstDirectoryOfType(PngDirectory.class);
        var webp = metadata.getFirstDirectoryOfType(WebpDirectory.class);
        if (jpeg != null) {
            return jpeg.getInteger(JpegDirectory.TAG_IMAGE_WIDTH);
        }
        if (png != null) {
            return png.getInteger(PngDirectory.TAG_IMAGE_WIDTH);
        }
        return webp == null ? null : webp.getInteger(WebpDirectory.TAG_IMAGE_WIDTH);
    }

    private static PhotoInspector inspector(long maxPixels, Duration timeout) {
        return new PhotoInspector(
                new PhotosProperties("unused", 10_485_760, 6, 150, 4, Duration.ofHours(1), maxPixels, timeout, null));
    }

    /** What a call returned, with the bytes it allocated on this thread and the time it took. */
    record Measured<T>(T result, long allocatedBytes, Duration elapsed) {}

    private static <T> Measured<T> measure(Supplier<T> call) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        call.get(); // once to load classes, which allocates
        long before = threads.getThreadAllocatedBytes(thread);
        long start = System.nanoTime();
        T result = call.get();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new Measured<>(result, threads.getThreadAllocatedBytes(thread) - before, elapsed);
    }
}
