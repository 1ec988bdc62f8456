package vn.urbanorder.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.UrbanOrderApplication;
import vn.urbanorder.api.model.TokenResponseDto;
import vn.urbanorder.testing.ContractCheckedClient;
import vn.urbanorder.testing.EmptyDatabase;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.HostilePhotos;
import vn.urbanorder.testing.Submission;
import vn.urbanorder.testing.TestPhotos;

/**
 * The service in a JVM of its own with a small heap ({@value #HEAP}), as a small instance runs it:
 * the EXIF amplification file, which needed over 1.5 GB to read before, is refused, and the next
 * report is taken at once. Started from the test's class path on a database of its own, with the
 * demo ward and its users.
 */
class ReportPhotosSmallHeapIntegrationTests {

    private static final String HEAP = "-Xmx128m";

    @Test
    void aServiceWithASmallHeapRefusesAnExifAmplificationAndAnswersTheNextReport(@TempDir Path folder)
            throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP,
                "-cp",
                System.getProperty("java.class.path"),
                UrbanOrderApplication.class.getName()));
        command.addAll(EmptyDatabase.arguments());
        command.addAll(List.of(
                "--spring.profiles.active=demo",
                "--urbanorder.demo.reports=false",
                "--server.port=" + port,
                "--urbanorder.security.jwt.secret=" + Fixtures.SIGNING_KEY,
                "--urbanorder.photos.folder=" + folder.resolve("photos"),
                "--urbanorder.stats.export-dir=" + folder.resolve("exports")));
        Path log = folder.resolve("service.log");
        Process service = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            WebTestClient http = ContractCheckedClient.bindTo("http://localhost:" + port);
            awaitReady(http, service, log);
            String patrol = "Bearer "
                    + Fixtures.attemptSignIn(http, "patrol1", Fixtures.PASSWORD)
                            .expectStatus()
                            .isOk()
                            .expectBody(TokenResponseDto.class)
                            .returnResult()
                            .getResponseBody()
                            .getAccessToken();

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
            assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
        } finally {
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
    }

    /** Until the service says it is ready, or fails the test with its log if it dies or takes two minutes. */
    private static void awaitReady(WebTestClient http, Process service, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            if (!service.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("The service did not start:\n" + Files.readString(log));
            }
            try {
                var status = http.get()
                        .uri("/actuator/health/readiness")
                        .exchange()
                        .returnResult(String.class)
                        .getStatus();
                if (status.is2xxSuccessful()) {
                    return;
                }
            } catch (RuntimeException notListeningYet) {
                // connection refused while it starts
            }
            Thread.sleep(500);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
