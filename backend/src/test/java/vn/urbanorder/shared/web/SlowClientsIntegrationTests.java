package vn.urbanorder.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;
import vn.urbanorder.testing.ContractValidator;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;
import vn.urbanorder.testing.RawClient;
import vn.urbanorder.testing.Submission;
import vn.urbanorder.testing.TestPhotos;

/** A request body that stalls is cut off with a 408 problem, and a connection that stays idle is closed. */
@IntegrationTest
@TestPropertySource(
        properties = {
            "urbanorder.http.body-read-timeout=2s",
            "urbanorder.http.body-timeout=6s",
            "server.netty.idle-timeout=3s"
        })
class SlowClientsIntegrationTests {

    @Autowired
    Fixtures fixtures;

    @LocalServerPort
    int port;

    RawClient client;
    String patrol;

    @BeforeEach
    void aPatrolOnItsOwnConnection() {
        patrol = fixtures.bearer(fixtures.user(fixtures.ward(), "PATROL"));
        client = RawClient.connect(port);
    }

    @AfterEach
    void hangUp() {
        client.close();
    }

    @Test
    void anUploadThatStallsIsCutOffOnceItHasSentNothingForTheReadTimeout() {
        var form = new RawClient.Form()
                .json("report", Submission.sound().json())
                .jpeg("photos", TestPhotos.jpeg(400, 300));
        byte[] body = form.bytes();
        client.send(RawClient.postHead("/api/v1/reports", patrol, form.contentType(), body.length, "stalled-upload"));
        client.send(body, 0, body.length / 2);
        Instant stalled = Instant.now();

        String answer = client.answerWithin(Duration.ofSeconds(8));

        assertThat(answer)
                .startsWith("HTTP/1.1 408")
                .contains("Content-Type: application/problem+json")
                .contains("\"requestId\":\"stalled-upload\"");
        assertThat(Duration.between(stalled, Instant.now()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(1900))
                .isLessThan(Duration.ofSeconds(5));
        var problem = RawClient.Answer.of(answer);
        ContractValidator.instance()
                .validate(
                        HttpMethod.POST,
                        URI.create("http://localhost/api/v1/reports"),
                        problem.status(),
                        problem.headers(),
                        problem.body());
    }

    @Test
    void aJsonBodyThatStallsIsCutOffToo() {
        byte[] body = Submission.sound().json().getBytes(StandardCharsets.UTF_8);
        client.send(RawClient.postHead("/api/v1/reports", patrol, "application/json", body.length, "stalled-json"));
        client.send(body, 0, body.length - 10);

        assertThat(client.answerWithin(Duration.ofSeconds(8))).startsWith("HTTP/1.1 408");
    }

    @Test
    void aConnectionThatSendsNothingIsClosedAfterTheIdleTimeout() {
        Instant opened = Instant.now();

        String answer = client.answerWithin(Duration.ofSeconds(8));

        assertThat(answer).as("closed without an answer").isEmpty();
        assertThat(Duration.between(opened, Instant.now())).isLessThan(Duration.ofSeconds(6));
    }
}
