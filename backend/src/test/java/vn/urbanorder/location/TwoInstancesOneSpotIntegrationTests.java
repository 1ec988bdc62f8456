package vn.urbanorder.location;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import vn.urbanorder.UrbanOrderApplication;
import vn.urbanorder.demo.DemoMap;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;
import vn.urbanorder.testing.Submission;

/**
 * Twenty officers report one violation at once, through two instances of the service on one
 * database: the database, not either instance's memory, makes one location, one report to handle
 * and nineteen duplicates of it.
 */
@IntegrationTest
class TwoInstancesOneSpotIntegrationTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    DatabaseClient database;

    @Autowired
    DemoMap demoMap;

    @LocalServerPort
    int port;

    @Test
    void twentyReportsAtOneSpotAtOnceGiveOneLocationOneOpenReportAndNineteenDuplicates() {
        demoMap.ready().block();
        // The north-west of the demo ward, where no other test reports.
        double lat = 21.0492;
        double lon = 105.8812;
        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(UrbanOrderApplication.class)
                // As arguments, which outrank application.yml's port (default properties do not).
                .run(
                        "--server.port=0",
                        "--urbanorder.security.jwt.secret=" + Fixtures.SIGNING_KEY,
                        "--urbanorder.photos.folder=" + Fixtures.PHOTO_FOLDER)) {
            int otherPort = other.getBean(Environment.class).getProperty("local.server.port", Integer.class);
            List<String> officers = Flux.range(0, 20)
                    .map(i -> fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "PATROL")))
                    .collectList()
                    .block();
            Instant observed = Instant.now().minusSeconds(60);

            List<Integer> statuses = Flux.range(0, 20)
                    .flatMap(
                            i -> WebClient.create("http://localhost:" + (i % 2 == 0 ? port : otherPort))
                                    .post()
                                    .uri("/api/v1/reports")
                                    .header("Authorization", officers.get(i))
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .bodyValue(Submission.sound()
                                            .category("SIDEWALK_ENCROACHMENT", "STREET_VENDING")
                                            .at(lat, lon)
                                            .observedAt(observed)
                                            .json())
                                    .exchangeToMono(response -> response.releaseBody()
                                            .thenReturn(response.statusCode().value())),
                            20)
                    .collectList()
                    .block(Duration.ofSeconds(60));
            assertThat(statuses).containsOnly(201).hasSize(20);
        }

        List<Map<String, Object>> reports = database.sql("""
                        SELECT status, violation_location_id, duplicate_of FROM report
                         WHERE ward_id = :ward AND lat = :lat AND lon = :lon""")
                .bind("ward", Fixtures.DEMO_WARD)
                .bind("lat", lat)
                .bind("lon", lon)
                .fetch()
                .all()
                .collectList()
                .block();
        assertThat(reports).hasSize(20);
        assertThat(reports)
                .extracting(row -> row.get("violation_location_id"))
                .containsOnly(reports.get(0).get("violation_location_id"));
        assertThat(reports)
                .filteredOn(row -> row.get("status").equals("DUPLICATE"))
                .hasSize(19);
        Object open = reports.stream()
                .filter(row -> !row.get("status").equals("DUPLICATE"))
                .findFirst()
                .orElseThrow();
        assertThat(((Map<?, ?>) open).get("status")).isEqualTo("ASSIGNED");
        UUID original = database.sql("SELECT id FROM report WHERE ward_id = :ward AND lat = :lat AND lon = :lon"
                        + " AND status = 'ASSIGNED'")
                .bind("ward", Fixtures.DEMO_WARD)
                .bind("lat", lat)
                .bind("lon", lon)
                .map(row -> row.get("id", UUID.class))
                .one()
                .block();
        assertThat(reports)
                .filteredOn(row -> row.get("status").equals("DUPLICATE"))
                .extracting(row -> row.get("duplicate_of"))
                .containsOnly(original);
        assertThat(database.sql("SELECT count(*) AS n, max(report_count) AS reports FROM violation_location"
                                + " WHERE ward_id = :ward AND lat = :lat AND lon = :lon")
                        .bind("ward", Fixtures.DEMO_WARD)
                        .bind("lat", lat)
                        .bind("lon", lon)
                        .fetch()
                        .one()
                        .block())
                .containsEntry("n", 1L)
                .containsEntry("reports", 20);
    }
}
