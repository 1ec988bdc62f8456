package vn.urbanorder.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.UrbanOrderApplication;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.api.model.ReportPhotoDto;
import vn.urbanorder.api.model.TokenResponseDto;
import vn.urbanorder.testing.ContractCheckedClient;
import vn.urbanorder.testing.EmptyDatabase;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.Submission;
import vn.urbanorder.testing.TestPhotos;

/**
 * Two installations, each on a database of its own, keep their photos in one folder, as a demo
 * run and a real installation started from one directory once did: each sweeps, and neither loses
 * a photo, while a file one of them staged and abandoned is removed.
 */
class SharedPhotoFolderIntegrationTests {

    @TempDir
    Path folder;

    @Test
    void twoDatabasesSharingOneFolderLoseNoPhotoToEachOthersSweep() throws InterruptedException {
        try (var first = start(folder);
                var second = start(folder)) {
            byte[] shared = TestPhotos.jpeg(333, 222);
            byte[] firstsOwn = TestPhotos.jpeg(301, 201);
            ReportDto inFirst = submit(first, firstsOwn, shared);
            ReportDto inSecond = submit(second, TestPhotos.jpeg(302, 202), shared);
            // A submission of each is abandoned after its files were stored (the instance died, say):
            // the first's with a file only it had, the second's with the bytes of the first's photo.
            InspectedPhoto abandonedByFirst = inspect(first, TestPhotos.jpeg(303, 203));
            abandon(first, abandonedByFirst);
            abandon(second, inspect(second, firstsOwn));
            // Older than sweep-after (1 s), as if an hour had passed.
            Thread.sleep(1500);

            first.getBean(PhotoSweep.class).sweep().block();
            second.getBean(PhotoSweep.class).sweep().block();

            assertServed(first, inFirst);
            assertServed(second, inSecond);
            assertThat(file(abandonedByFirst.sha256())).doesNotExist();
        }
    }

    @Test
    void aRealDatabaseWithoutAPhotoFolderDoesNotStartAndSaysWhatToSet() {
        List<String> arguments = new ArrayList<>(EmptyDatabase.arguments());
        arguments.add("--server.port=0");

        assertThatThrownBy(() -> new SpringApplicationBuilder(UrbanOrderApplication.class)
                        .run(arguments.toArray(String[]::new))
                        .close())
                .hasStackTraceContaining("URBANORDER_PHOTOS_FOLDER");
    }

    /** An installation of the demo ward on a new database of its own, keeping photos in the folder. */
    private static ConfigurableApplicationContext start(Path folder) {
        List<String> arguments = new ArrayList<>(EmptyDatabase.arguments());
        arguments.addAll(List.of(
                "--server.port=0",
                "--spring.profiles.active=demo",
                "--urbanorder.demo.reports=false",
                "--urbanorder.photos.folder=" + folder,
                "--urbanorder.photos.sweep-after=1s"));
        return new SpringApplicationBuilder(UrbanOrderApplication.class).run(arguments.toArray(String[]::new));
    }

    private static ReportDto submit(ConfigurableApplicationContext service, byte[]... photos) {
        return Submission.sound().category("SANITATION").submittedWithPhotos(http(service), bearer(service), photos);
    }

    private static void assertServed(ConfigurableApplicationContext service, ReportDto report) {
        assertThat(report.getPhotos()).hasSize(2);
        String bearer = bearer(service);
        for (ReportPhotoDto photo : report.getPhotos()) {
            http(service)
                    .get()
                    .uri(photo.getUrl())
                    .header("Authorization", bearer)
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
    }

    private static InspectedPhoto inspect(ConfigurableApplicationContext service, byte[] bytes) {
        return service.getBean(PhotoInspector.class)
                .inspect(List.of(TestUploads.of(bytes)), ZoneId.of("Asia/Ho_Chi_Minh"))
                .block()
                .get(0);
    }

    /** Stages and stores the photo for a report that is never recorded. */
    private static void abandon(ConfigurableApplicationContext service, InspectedPhoto photo) {
        Photos photos = service.getBean(Photos.class);
        photos.store(photos.stage(Fixtures.DEMO_WARD, List.of(photo))).block();
    }

    private static String bearer(ConfigurableApplicationContext service) {
        return "Bearer "
                + Fixtures.attemptSignIn(http(service), "patrol1", Fixtures.PASSWORD)
                        .expectStatus()
                        .isOk()
                        .expectBody(TokenResponseDto.class)
                        .returnResult()
                        .getResponseBody()
                        .getAccessToken();
    }

    private static WebTestClient http(ConfigurableApplicationContext service) {
        return ContractCheckedClient.forPort(
                ((WebServerApplicationContext) service).getWebServer().getPort());
    }

    private Path file(String sha256) {
        return folder.resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4))
                .resolve(sha256);
    }
}
