package vn.urbanorder.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.UrbanOrderApplication;
import vn.urbanorder.api.model.PeriodStatisticsDto;
import vn.urbanorder.api.model.TokenResponseDto;
import vn.urbanorder.shared.ReportingReads;
import vn.urbanorder.testing.ContractCheckedClient;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.ReplicatedPostgres;
import vn.urbanorder.testing.Submission;

/**
 * The month's figures come from a real streaming replica while it is within the lag bound, and
 * from the primary once it falls further behind or goes away. With the replica's replay paused,
 * the two hold different data, so the figures say which one they were read on.
 */
class StatsOnReplicaIntegrationTests {

    private static final Duration MAX_LAG = Duration.ofSeconds(5);
    private static final ZoneId WARD_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static ReplicatedPostgres postgres;
    private static ConfigurableApplicationContext service;
    private static ReportingReads reads;
    private static WebTestClient http;
    private static String patrol;
    private static String admin;

    @BeforeAll
    static void startDatabasesAndService() throws IOException {
        postgres = ReplicatedPostgres.start();
        List<String> arguments = new ArrayList<>(List.of(
                "--urbanorder.test.shared-database=false",
                "--server.port=0",
                "--spring.profiles.active=demo",
                "--urbanorder.demo.reports=false",
                "--urbanorder.security.jwt.secret=" + Fixtures.SIGNING_KEY,
                "--urbanorder.photos.folder=" + Fixtures.PHOTO_FOLDER,
                "--urbanorder.security.sign-in.max-failures-per-address=100000",
                "--urbanorder.database.replica.url=" + postgres.replicaUrl(),
                "--urbanorder.database.replica.max-lag=" + MAX_LAG.toMillis() + "ms",
                "--urbanorder.database.replica.check-every=200ms"));
        for (Map.Entry<String, Object> property :
                postgres.primary().springProperties().entrySet()) {
            arguments.add("--" + property.getKey() + "=" + property.getValue());
        }
        service = new SpringApplicationBuilder(UrbanOrderApplication.class).run(arguments.toArray(String[]::new));
        reads = service.getBean(ReportingReads.class);
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        http = ContractCheckedClient.forPort(port);
        patrol = bearer("patrol1");
        admin = bearer("admin");
    }

    @AfterAll
    static void stopServiceAndDatabases() throws IOException {
        if (service != null) {
            service.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void figuresComeFromTheReplicaWithinTheLagBoundAndFromThePrimaryBeyondItOrWithoutIt() throws Exception {
        await("reporting reads go to the replica", () -> reads.current().onReplica());
        Instant observed = Instant.now().minusSeconds(60);
        String month = YearMonth.from(observed.atZone(WARD_ZONE)).toString();
        submit(observed);
        awaitReplayed();
        long before = received(month);

        // The replica has replayed one more report, then stops replaying; the primary gets another.
        submit(observed);
        awaitReplayed();
        try (Connection replica = postgres.connectToReplica()) {
            replica.createStatement().execute("SELECT pg_wal_replay_pause()");
            submit(observed);
            assertThat(count(postgres::connectToPrimary)).isEqualTo(count(postgres::connectToReplica) + 1);

            assertThat(reads.current().onReplica()).isTrue();
            assertThat(received(month)).as("the replica's figures").isEqualTo(before + 1);
            assertThat(reads.current().onReplica()).isTrue();
            assertThat(prometheus()).contains("urbanorder_database_replica_in_use{application=\"urban-order\"} 1.0");

            // Behind the bound as measured: a check that merely timed out on a busy machine also
            // sends reads to the primary, but only until the next check.
            await(
                    "the replica falls behind the bound",
                    () -> !reads.current().onReplica() && measuredLagSeconds() > MAX_LAG.toSeconds());
            assertThat(received(month)).as("the primary's figures").isEqualTo(before + 2);
            assertThat(prometheus()).contains("urbanorder_database_replica_in_use{application=\"urban-order\"} 0.0");

            replica.createStatement().execute("SELECT pg_wal_replay_resume()");
        }
        await("the replica catches up", () -> reads.current().onReplica());
        assertThat(received(month)).isEqualTo(before + 2);

        postgres.stopReplica();
        await("the replica is away", () -> !reads.current().onReplica());
        assertThat(received(month)).as("the primary's figures").isEqualTo(before + 2);
    }

    /** The lag the service last measured, from its metrics. */
    private static double measuredLagSeconds() {
        return prometheus()
                .lines()
                .filter(line -> line.startsWith("urbanorder_database_replica_lag_seconds{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(Double.NaN);
    }

    private static void submit(Instant observed) {
        var random = ThreadLocalRandom.current();
        Submission.sound()
                .category("SANITATION", "LITTERING")
                .at(21.0405 + random.nextDouble(0.0033), 105.8860 + random.nextDouble(0.0045))
                .observedAt(observed)
                .post(http, patrol)
                .expectStatus()
                .isCreated();
    }

    private static long received(String month) {
        return http.get()
                .uri("/api/v1/stats/monthly?month=" + month)
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(PeriodStatisticsDto.class)
                .returnResult()
                .getResponseBody()
                .getTotals()
                .getCounts()
                .getReceived();
    }

    private static String prometheus() {
        return http.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /** Until the replica holds every report the primary holds. */
    private static void awaitReplayed() {
        await("the replica replays the primary's reports", () -> {
            try {
                return count(postgres::connectToReplica) == count(postgres::connectToPrimary);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static long count(Server server) throws SQLException {
        try (Connection connection = server.connect();
                var rows = connection.createStatement().executeQuery("SELECT count(*) FROM report")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private interface Server {
        Connection connect() throws SQLException;
    }

    private static String bearer(String username) {
        return "Bearer "
                + Fixtures.attemptSignIn(http, username, Fixtures.PASSWORD)
                        .expectStatus()
                        .isOk()
                        .expectBody(TokenResponseDto.class)
                        .returnResult()
                        .getResponseBody()
                        .getAccessToken();
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
