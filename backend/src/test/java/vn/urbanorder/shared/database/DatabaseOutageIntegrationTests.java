package vn.urbanorder.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.UrbanOrderApplication;
import vn.urbanorder.api.model.TokenResponseDto;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.Submission;

/**
 * The database goes away under the service and comes back: on a PostgreSQL server of this test's
 * own, stopped and started again at the same port and folder. While it is away clients hear 503
 * with Retry-After (never 500), health says DOWN, and no report that was stored got an error.
 */
class DatabaseOutageIntegrationTests {

    private static Path dataDirectory;
    private static int databasePort;
    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext service;
    private static WebTestClient http;
    private static String patrol;

    @BeforeAll
    static void startDatabaseAndService() throws IOException {
        dataDirectory = Files.createTempDirectory("outage-postgres");
        try (var socket = new ServerSocket(0)) {
            databasePort = socket.getLocalPort();
        }
        startDatabase();
        List<String> arguments = new ArrayList<>(List.of(
                "--urbanorder.test.shared-database=false",
                "--server.port=0",
                "--spring.profiles.active=demo",
                "--urbanorder.demo.reports=false",
                "--urbanorder.security.jwt.secret=" + Fixtures.SIGNING_KEY,
                "--urbanorder.photos.folder=" + Fixtures.PHOTO_FOLDER,
                "--urbanorder.security.sign-in.max-failures-per-address=100000"));
        for (Map.Entry<String, Object> property : new ConnectionSettings(
                        "localhost", databasePort, "postgres", "postgres", "")
                .springProperties()
                .entrySet()) {
            arguments.add("--" + property.getKey() + "=" + property.getValue());
        }
        service = new SpringApplicationBuilder(UrbanOrderApplication.class).run(arguments.toArray(String[]::new));
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        http = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(60))
                .build();
        patrol = "Bearer "
                + Fixtures.attemptSignIn(http, "patrol1", Fixtures.PASSWORD)
                        .expectStatus()
                        .isOk()
                        .expectBody(TokenResponseDto.class)
                        .returnResult()
                        .getResponseBody()
                        .getAccessToken();
    }

    @AfterAll
    static void stopServiceAndDatabase() throws IOException {
        if (service != null) {
            service.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void whileTheDatabaseIsAwayClientsHear503WithRetryAfterAndHealthIsDown() throws IOException {
        Submission before = sanitationInTheWard();
        before.post(http, patrol).expectStatus().isCreated();

        stopDatabase();
        try {
            Submission during = sanitationInTheWard();
            during.post(http, patrol)
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .exists(HttpHeaders.RETRY_AFTER)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(503)
                    .jsonPath("$.requestId")
                    .exists();
            http.get()
                    .uri("/api/v1/reports?limit=5")
                    .header("Authorization", patrol)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .exists(HttpHeaders.RETRY_AFTER);
            http.get().uri("/actuator/health").exchange().expectStatus().isEqualTo(503);
            startDatabase();
            awaitHealthy();

            // The phone sends again what it did not hear back about, and what it did.
            during.post(http, patrol).expectStatus().isCreated();
            before.post(http, patrol).expectStatus().isOk();
        } finally {
            if (postgres == null) {
                startDatabase();
            }
        }
    }

    @Test
    void underLoadEveryAcknowledgedReportIsStoredAndNoStoredReportGotAnError() throws Exception {
        Map<UUID, Integer> answers = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService phones = Executors.newFixedThreadPool(4);
        for (int phone = 0; phone < 4; phone++) {
            phones.submit(() -> {
                while (!stop.get()) {
                    UUID clientReportId = UUID.randomUUID();
                    EntityExchangeResult<byte[]> result = sanitationInTheWard()
                            .clientReportId(clientReportId)
                            .post(http, patrol)
                            .expectBody()
                            .returnResult();
                    answers.put(clientReportId, result.getStatus().value());
                }
                return null;
            });
        }
        Thread.sleep(1_500);
        stopDatabase();
        Thread.sleep(2_000);
        startDatabase();
        awaitHealthy();
        Thread.sleep(1_000);
        stop.set(true);
        phones.shutdown();
        assertThat(phones.awaitTermination(90, TimeUnit.SECONDS)).isTrue();

        List<UUID> stored = storedClientIds();
        List<UUID> acknowledged = new ArrayList<>();
        List<UUID> refused = new ArrayList<>();
        answers.forEach((id, status) -> (status == 201 ? acknowledged : refused).add(id));
        assertThat(answers.values()).allSatisfy(status -> assertThat(status).isIn(201, 503));
        assertThat(refused).as("some submissions met the outage").isNotEmpty();
        assertThat(acknowledged).as("some submissions were recorded").isNotEmpty();
        assertThat(stored).containsAll(acknowledged);
        assertThat(stored).doesNotContainAnyElementsOf(refused);
    }

    /**
     * A point of the demo ward. Not from TestPoints: this test's database is its own, and its load
     * would use up the grid the other tests share.
     */
    private static double[] somewhereInTheWard() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        return new double[] {21.0405 + random.nextDouble(0.0033), 105.8860 + random.nextDouble(0.0045)};
    }

    private static Submission sanitationInTheWard() {
        return Submission.sound()
                .category("SANITATION", "LITTERING")
                .at(somewhereInTheWard())
                .observedAt(Instant.now());
    }

    private static void stopDatabase() throws IOException {
        postgres.close();
        postgres = null;
    }

    private static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(databasePort)
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
    }

    private static void awaitHealthy() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (http.get()
                        .uri("/actuator/health")
                        .exchange()
                        .returnResult(String.class)
                        .getStatus()
                        .value()
                != 200) {
            assertThat(System.nanoTime()).as("health comes back").isLessThan(deadline);
            sleep(250);
        }
    }

    private static List<UUID> storedClientIds() throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (var connection = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + databasePort + "/postgres", "postgres", "");
                var rows = connection.createStatement().executeQuery("SELECT client_report_id FROM report")) {
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
