package vn.urbanorder.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.urbanorder.testing.HostilePhotos;
import vn.urbanorder.testing.ServiceProcess;
import vn.urbanorder.testing.Submission;
import vn.urbanorder.testing.TestPhotos;

/**
 * The service in a JVM of its own with a small heap ({@value #HEAP}), as a small instance runs it:
 * the EXIF amplification file, which needed over 1.5 GB to read before, is refused, and the next
 * report is taken at once.
 */
class ReportPhotosSmallHeapIntegrationTests {

    private static final String HEAP = "-Xmx128m";

    @Test
    void aServiceWithASmallHeapRefusesAnExifAmplificationAndAnswersTheNextReport(@TempDir Path folder)
            throws Exception {
        try (var service = ServiceProcess.start(HEAP, folder)) {
            var http = service.http();
            String patrol = service.patrolBearer();

            Submission.sound()
                    .postWithPhotos(http, patrol, HostilePhotos.exifAmplification(10))
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("photos[0]");
            long start = System.nanoTime();
            Submission.sound()
                    .postWithPhotos(http, patrol, TestPhotos.jpegTakenAt(21.0452, 105.8853))
                    .expectStatus()
                    .isCreated();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
            assertThat(service.isAlive()).isTrue();
            assertThat(service.log()).doesNotContain("OutOfMemoryError");
        }
    }
}
