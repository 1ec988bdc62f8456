package vn.urbanorder.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.UrbanOrderApplication;
import vn.urbanorder.testing.EmptyDatabase;
import vn.urbanorder.testing.Fixtures;

/** A production start on an empty database: migrated by the service, first admin from settings. */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminIntegrationTests {

    private static final String AREA = "{\"type\":\"Polygon\",\"coordinates\":[[[105.879,21.040],"
            + "[105.8915,21.0395],[105.8925,21.05],[105.8805,21.051],[105.879,21.040]]]}";

    @Test
    void aOneWardInstallationGetsItsWardAndWardAdminFromTheSettings(CapturedOutput output) {
        List<String> arguments = new ArrayList<>(EmptyDatabase.arguments());
        arguments.addAll(List.of(
                "--urbanorder.bootstrap.ward-code=NT",
                "--urbanorder.bootstrap.ward-name=Phường Ngọc Thụy",
                "--urbanorder.bootstrap.ward-service-area=" + AREA,
                "--urbanorder.bootstrap.admin-username=Chief",
                "--urbanorder.bootstrap.admin-password=a-long-first-password"));

        try (var service = start(arguments)) {
            // Waiting on the log, not on sign-ins: failed attempts would trip the brute-force limit.
            eventually(() -> assertThat(output).contains("Created the first admin 'chief' of ward NT"));
            Fixtures.attemptSignIn(client(service), "chief", "a-long-first-password")
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.user.wardCode")
                    .isEqualTo("NT")
                    .jsonPath("$.user.roles[0]")
                    .isEqualTo("WARD_ADMIN");
        }
    }

    @Test
    void aProvinceInstallationGetsItsProvinceAdminFromTheSettings(CapturedOutput output) {
        List<String> arguments = new ArrayList<>(EmptyDatabase.arguments());
        arguments.addAll(List.of(
                "--urbanorder.bootstrap.province-code=79",
                "--urbanorder.bootstrap.province-name=Thành phố Hồ Chí Minh",
                "--urbanorder.bootstrap.admin-username=so-xay-dung",
                "--urbanorder.bootstrap.admin-password=a-long-first-password"));

        try (var service = start(arguments)) {
            eventually(() -> assertThat(output).contains("Created the first admin 'so-xay-dung' of province 79"));
            Fixtures.attemptSignIn(client(service), "so-xay-dung", "a-long-first-password")
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.user.provinceCode")
                    .isEqualTo("79")
                    .jsonPath("$.user.wardCode")
                    .doesNotExist()
                    .jsonPath("$.user.roles[0]")
                    .isEqualTo("PROVINCE_ADMIN");
        }
    }

    @Test
    void withoutSettingsNobodyIsCreatedAndTheLogSaysWhatToSet(CapturedOutput output) {
        try (var service = start(EmptyDatabase.arguments())) {
            eventually(() -> assertThat(output).contains("The database has no users"));
            Fixtures.attemptSignIn(client(service), "admin", "demo-password-1")
                    .expectStatus()
                    .isUnauthorized();
        }

        assertThat(output).contains("URBANORDER_BOOTSTRAP_ADMIN_PASSWORD");
    }

    private static org.springframework.context.ConfigurableApplicationContext start(List<String> arguments) {
        List<String> all = new ArrayList<>(arguments);
        all.add("--server.port=0");
        // A real database has no default photo folder.
        all.add("--urbanorder.photos.folder=" + Fixtures.PHOTO_FOLDER);
        // No signing key configured: the one the database keeps for the installation signs.
        return new SpringApplicationBuilder(UrbanOrderApplication.class).run(all.toArray(String[]::new));
    }

    /** The bootstrap runs once the service is ready, without holding up start-up: wait for it. */
    private static <T> T eventually(java.util.function.Supplier<T> check) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            try {
                return check.get();
            } catch (AssertionError notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw notYet;
                }
            }
        }
    }

    private static WebTestClient client(org.springframework.context.ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }
}
