package vn.urbanorder.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.UrbanOrderApplication;
import vn.urbanorder.shared.GeoPoint;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;

/** Two instances of the service on one database: a change made through one reaches the other. */
@IntegrationTest
class AssignmentRefreshIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Test
    void anotherInstanceAssignsByANewMapWithinFiveSeconds() throws InterruptedException {
        UUID ward = fixtures.ward();
        String admin = fixtures.bearer(fixtures.user(ward, "WARD_ADMIN"));
        GeoPoint inWest = new GeoPoint(TestMap.IN_WEST[0], TestMap.IN_WEST[1]);

        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(UrbanOrderApplication.class)
                // As arguments, which outrank application.yml's port (default properties do not).
                .run(
                        "--server.port=0",
                        "--urbanorder.security.jwt.secret=" + Fixtures.SIGNING_KEY,
                        "--urbanorder.photos.folder=" + Fixtures.PHOTO_FOLDER)) {
            Assignments otherInstance = other.getBean(Assignments.class);
            // The other instance has loaded the ward's map, empty so far.
            assertThat(otherInstance.decide(ward, "SANITATION", inWest).block().assigned())
                    .isFalse();

            http.post()
                    .uri("/api/v1/units")
                    .header("Authorization", admin)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"code\": \"VSMT\", \"name\": \"Tổ Vệ sinh môi trường\", \"kind\": \"SANITATION\"}")
                    .exchange()
                    .expectStatus()
                    .isCreated();
            http.put()
                    .uri("/api/v1/zones")
                    .header("Authorization", admin)
                    .contentType(AssignmentIntegrationTests.GEO_JSON)
                    .bodyValue(TestMap.collection(
                            TestMap.WEST.replace("\"kind\": \"ZONE\"", "\"kind\": \"ZONE\", \"unitCode\": \"VSMT\"")))
                    .exchange()
                    .expectStatus()
                    .isOk();
            long changed = System.nanoTime();

            Assignment seen = otherInstance.decide(ward, "SANITATION", inWest).block();
            while (!seen.assigned()
                    && System.nanoTime() - changed < Duration.ofSeconds(10).toNanos()) {
                Thread.sleep(50);
                seen = otherInstance.decide(ward, "SANITATION", inWest).block();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - changed);

            assertThat(seen.unit().code()).isEqualTo("VSMT");
            assertThat(seen.zone().code()).isEqualTo("WEST");
            assertThat(took).isLessThanOrEqualTo(Duration.ofSeconds(5));
        }
    }
}
