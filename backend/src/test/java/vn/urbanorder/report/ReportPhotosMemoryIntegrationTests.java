package vn.urbanorder.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.urbanorder.testing.ServiceProcess;
import vn.urbanorder.testing.Submission;
import vn.urbanorder.testing.TestPhotos;

/**
 * Memory does not grow with photo size: eight officers each send six photos of 10 MB at once to
 * a service with a {@value #HEAP} heap. Every report arrives (after the upload gate's 503 and
 * Retry-After, which a phone obeys), and the service never runs out of memory.
 */
class ReportPhotosMemoryIntegrationTests {

    private static final String HEAP = "-Xmx256m";
    private static final int CLIENTS = 8;
    private static final int PHOTOS = 6;
    private static final int PHOTO_BYTES = 10_000_000;
    private static final String BOUNDARY = "photos-at-scale";

    @Test
    void eightClientsSendingSixTenMegabytePhotosEachAllGetTheirReportsIn(@TempDir Path folder) throws Exception {
        byte[] common = photoWithoutItsLastBytes();
        try (var service = ServiceProcess.start(HEAP, folder)) {
            String patrol = service.patrolBearer();
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            AtomicInteger turnedAway = new AtomicInteger();
            ExecutorService officers = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (int officer = 0; officer < CLIENTS; officer++) {
                    int id = officer;
                    Callable<Integer> send = () -> submit(service, client, patrol, common, id, turnedAway);
                    answers.add(officers.submit(send));
                }
                for (Future<Integer> answer : answers) {
                    assertThat(answer.get()).isEqualTo(201);
                }
            } finally {
                officers.shutdownNow();
            }

            assertThat(service.isAlive()).isTrue();
            assertThat(service.log()).doesNotContain("OutOfMemoryError");
            System.out.printf(
                    "%d reports of %d photos of %d bytes arrived; the gate turned %d attempts away%n",
                    CLIENTS, PHOTOS, PHOTO_BYTES, turnedAway.get());
        }
    }

    /** Sends one officer's report until it is taken, waiting as Retry-After says when turned away. */
    private static int submit(
            ServiceProcess service,
            HttpClient client,
            String patrol,
            byte[] common,
            int officer,
            AtomicInteger turnedAway)
            throws Exception {
        List<byte[]> body = body(Submission.sound().json(), common, officer);
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (true) {
            HttpResponse<String> answer = client.send(
                    HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/reports"))
                            .timeout(Duration.ofMinutes(2))
                            .header("Authorization", patrol)
                            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                            .POST(HttpRequest.BodyPublishers.ofByteArrays(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 503 || System.nanoTime() > deadline) {
                assertThat(answer.statusCode()).as(answer.body()).isIn(200, 201);
                return answer.statusCode();
            }
            turnedAway.incrementAndGet();
            long wait = answer.headers()
                    .firstValueAsLong("Retry-After")
                    .orElseThrow(() -> new AssertionError("503 without Retry-After"));
            Thread.sleep(Duration.ofSeconds(wait).toMillis());
        }
    }

    /**
     * The form, as parts that share the photos' common bytes instead of copying them: each photo is
     * the same noisy JPEG followed by padding and an end of its own, so every photo is distinct.
     */
    private static List<byte[]> body(String report, byte[] common, int officer) {
        List<byte[]> parts = new ArrayList<>();
        parts.add(ascii("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"report\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + report + "\r\n"));
        for (int photo = 0; photo < PHOTOS; photo++) {
            parts.add(ascii("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"p"
                    + photo + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"));
            parts.add(common);
            parts.add(ByteBuffer.allocate(16).putLong(officer).putLong(photo).array());
            parts.add(ascii("\r\n"));
        }
        parts.add(ascii("--" + BOUNDARY + "--\r\n"));
        return parts;
    }

    /** A noisy 9 MP JPEG padded after its end to 16 bytes short of {@value #PHOTO_BYTES}. */
    private static byte[] photoWithoutItsLastBytes() {
        byte[] jpeg = TestPhotos.noisyJpeg(3000, 3000);
        assertThat(jpeg.length).isLessThan(PHOTO_BYTES - 16);
        var out = new ByteArrayOutputStream(PHOTO_BYTES);
        out.writeBytes(jpeg);
        out.writeBytes(new byte[PHOTO_BYTES - 16 - jpeg.length]);
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
