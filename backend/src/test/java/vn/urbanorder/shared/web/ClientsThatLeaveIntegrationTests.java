package vn.urbanorder.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;
import vn.urbanorder.testing.RawClient;
import vn.urbanorder.testing.Submission;
import vn.urbanorder.testing.TestPhotos;

/**
 * A phone that goes away mid-upload, or right after sending, leaves no temporary file behind and
 * is not counted or logged as a failure of the service.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ClientsThatLeaveIntegrationTests {

    private static final Path SPOOL = Path.of(Fixtures.MULTIPART_FOLDER);

    /** Over the 256 KB a part may keep in memory, so it is spooled to a file. */
    private static final byte[] PHOTO = TestPhotos.noisyJpeg(1000, 1000);

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @LocalServerPort
    int port;

    String patrol;

    @BeforeEach
    void aPatrol() {
        patrol = fixtures.bearer(fixtures.user(fixtures.ward(), "PATROL"));
        assertThat(PHOTO.length).isGreaterThan(512 * 1024);
    }

    @Test
    void aClientThatLeavesMidPhotoLeavesNoFileAndNoErrorBehind(CapturedOutput output) {
        int logged = output.getAll().length();
        var before = intakeMetrics();
        String requestId = "leaves-mid-photo-" + UUID.randomUUID();
        var form = form();
        byte[] body = form.bytes();

        try (RawClient client = RawClient.connect(port)) {
            client.send(RawClient.postHead("/api/v1/reports", patrol, form.contentType(), body.length, requestId));
            client.send(body, 0, body.length - PHOTO.length / 2);
            // The photo is being spooled to the instance's own folder...
            awaitTrue(() -> !spooled().isEmpty(), "the photo is spooled to " + SPOOL);
        }

        // ...and once the client is gone, nothing is left there.
        awaitTrue(() -> spooled().isEmpty(), "the spool folder is emptied");
        awaitTrue(() -> output.getOut().contains("requestId=" + requestId), "the request is logged");
        assertLeftQuietly(output.getAll().substring(logged), requestId);
        // Counted, but with no status (none was sent) and not as a failure. (At least once: the
        // application is shared with other test classes, whose abandoned uploads end on their own
        // clock, after their body timeout, and may be counted meanwhile.)
        awaitTrue(() -> grown(before, intakeMetrics(), "UNKNOWN") >= 1, "the request is counted");
        var after = intakeMetrics();
        assertThat(grown(before, after, "error")).isZero();
        assertThat(grown(before, after, "200") + grown(before, after, "500")).isZero();
    }

    @Test
    void aClientThatLeavesRightAfterSendingLeavesNoFileAndNoErrorBehind(CapturedOutput output) {
        int logged = output.getAll().length();
        var before = intakeMetrics();
        String requestId = "leaves-after-sending-" + UUID.randomUUID();
        var form = form();
        byte[] body = form.bytes();

        try (RawClient client = RawClient.connect(port)) {
            client.send(RawClient.postHead("/api/v1/reports", patrol, form.contentType(), body.length, requestId));
            client.send(body);
        }

        awaitTrue(() -> output.getOut().contains("requestId=" + requestId), "the request is logged");
        awaitTrue(() -> spooled().isEmpty(), "the spool folder is emptied");
        awaitTrue(
                () -> {
                    var now = intakeMetrics();
                    return grown(before, now, "UNKNOWN") + grown(before, now, "201") == 1;
                },
                "the request is counted as aborted or answered");
        var after = intakeMetrics();
        assertThat(grown(before, after, "error")).isZero();
        // The service may have answered before it noticed the client had gone; never 200 or 500.
        String log = output.getAll().substring(logged);
        assertThat(linesOf(log, requestId)).singleElement().satisfies(line -> assertThat(line)
                .contains(" INFO [")
                .containsAnyOf("POST /api/v1/reports aborted ", "POST /api/v1/reports 201 "));
        assertThat(log).doesNotContain("\tat ").doesNotContain(" ERROR [");
    }

    @Test
    void answeredAndRefusedUploadsLeaveNoFileBehind() {
        var form = form();
        try (RawClient client = RawClient.connect(port)) {
            byte[] body = form.bytes();
            client.send(RawClient.postHead(
                    "/api/v1/reports", patrol, form.contentType(), body.length, "answered-" + UUID.randomUUID()));
            client.send(body);
            assertThat(client.answerWithin(Duration.ofSeconds(20))).startsWith("HTTP/1.1 201");
        }
        var refused = new RawClient.Form()
                .json("report", Submission.sound().json())
                .jpeg("photos", new byte[300 * 1024]); // no image at all: 415
        try (RawClient client = RawClient.connect(port)) {
            byte[] body = refused.bytes();
            client.send(RawClient.postHead(
                    "/api/v1/reports", patrol, refused.contentType(), body.length, "refused-" + UUID.randomUUID()));
            client.send(body);
            assertThat(client.answerWithin(Duration.ofSeconds(20))).startsWith("HTTP/1.1 415");
        }

        awaitTrue(() -> spooled().isEmpty(), "the spool folder is emptied");
    }

    /** The one line the service writes about the request: the access line, saying the client left. */
    private static void assertLeftQuietly(String log, String requestId) {
        List<String> lines = linesOf(log, requestId);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0))
                .contains(" INFO [")
                .contains("POST /api/v1/reports aborted ")
                .doesNotContain(" 200 ")
                .doesNotContain(" 500 ");
        assertThat(log).doesNotContain("\tat ").doesNotContain(" ERROR [");
    }

    private static List<String> linesOf(String log, String requestId) {
        return log.lines().filter(line -> line.contains(requestId)).toList();
    }

    private static RawClient.Form form() {
        return new RawClient.Form().json("report", Submission.sound().json()).jpeg("photos", PHOTO);
    }

    /** The intake requests {@code http.server.requests} has counted, by status; failures under "error". */
    private java.util.Map<String, Long> intakeMetrics() {
        String metrics = http.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        var counts = new java.util.HashMap<String, Long>();
        metrics.lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{"))
                .filter(line -> line.contains("method=\"POST\"") && line.contains("uri=\"/api/v1/reports\""))
                .forEach(line -> {
                    long count = (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    String status = line.replaceAll(".*status=\"([^\"]*)\".*", "$1");
                    counts.merge(status, count, Long::sum);
                    if (line.contains("outcome=\"SERVER_ERROR\"") || !line.contains("exception=\"none\"")) {
                        counts.merge("error", count, Long::sum);
                    }
                });
        return counts;
    }

    private static long grown(java.util.Map<String, Long> before, java.util.Map<String, Long> after, String key) {
        return after.getOrDefault(key, 0L) - before.getOrDefault(key, 0L);
    }

    private static List<Path> spooled() {
        if (!Files.exists(SPOOL)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(SPOOL)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited 5 s in vain for: " + what + "; spooled: " + spooled());
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
