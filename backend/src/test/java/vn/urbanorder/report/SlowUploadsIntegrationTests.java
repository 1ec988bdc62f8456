package vn.urbanorder.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.demo.DemoMap;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;
import vn.urbanorder.testing.RawClient;
import vn.urbanorder.testing.Resolutions;
import vn.urbanorder.testing.Submission;
import vn.urbanorder.testing.TestPhotos;

/**
 * Photo submissions that trickle in hold none of the instance's upload slots, and are cut off
 * once their body takes too long: other officers' submissions, resolutions and reviews with
 * photos go through meanwhile.
 */
@IntegrationTest
@TestPropertySource(
        properties = {
            "urbanorder.http.body-read-timeout=2s",
            "urbanorder.http.body-timeout=6s",
            "server.netty.idle-timeout=3s"
        })
class SlowUploadsIntegrationTests {

    private static final Duration BODY_TIMEOUT = Duration.ofSeconds(6);

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DemoMap demoMap;

    @LocalServerPort
    int port;

    private final ExecutorService tricklers = Executors.newCachedThreadPool();
    private final List<RawClient> clients = new ArrayList<>();

    String patrol;
    String inspector;

    @BeforeEach
    void officersOfTheDemoWard() {
        demoMap.ready().block();
        patrol = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "PATROL"));
        inspector = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "INSPECTOR"));
    }

    @AfterEach
    void hangUp() {
        clients.forEach(RawClient::close);
        tricklers.shutdownNow();
    }

    @Test
    void uploadsTricklingIntoEverySlotStopNoOneElseAndAreCutOffInTime() {
        ReportDto toResolve = submitted();
        String staff = staffOf(toResolve);
        accept(staff, toResolve);
        ReportDto toReview = submitted();
        Resolutions.acceptAndResolve(http, staffOf(toReview), toReview);

        // As many trickling uploads as the instance has slots (four), on each kind of upload.
        List<Trickle> trickles = List.of(
                trickle("/api/v1/reports", patrol, "report", Submission.sound().json()),
                trickle("/api/v1/reports", patrol, "report", Submission.sound().json()),
                trickle(
                        "/api/v1/reports/" + toResolve.getId() + "/actions",
                        staff,
                        "action",
                        "{\"action\": \"RESOLVE\", \"expectedVersion\": " + (toResolve.getVersion() + 1) + "}"),
                trickle(
                        "/api/v1/reports/" + toReview.getId() + "/reviews",
                        inspector,
                        "review",
                        "{\"verdict\": \"CONFIRMED\"}"));
        sleep(Duration.ofSeconds(1));

        // Meanwhile every kind of upload of other officers goes through.
        Submission.sound()
                .postWithPhotos(http, patrol, TestPhotos.jpeg(320, 240))
                .expectStatus()
                .isCreated();
        resolveWithPhoto(staff, toResolve, toResolve.getVersion() + 1)
                .expectStatus()
                .isOk();
        reviewWithPhoto(inspector, toReview).expectStatus().isCreated();

        // And each trickle is cut off once its body has taken longer than allowed, with a 408.
        for (Trickle trickle : trickles) {
            String answer = trickle.client.answerWithin(BODY_TIMEOUT.plusSeconds(4));
            Duration took = Duration.between(trickle.started, Instant.now());
            assertThat(answer).as("answer to a trickle").startsWith("HTTP/1.1 408");
            assertThat(answer).contains("application/problem+json").containsIgnoringCase("Connection: close");
            assertThat(took).isLessThan(BODY_TIMEOUT.plusSeconds(4));
            assertThat(trickle.sent.join()).isLessThan(trickle.length);
        }
    }

    private record Trickle(RawClient client, Instant started, int length, CompletableFuture<Integer> sent) {}

    /** A multipart upload whose head arrives at once and whose photo then comes a byte every 300 ms. */
    private Trickle trickle(String path, String bearer, String jsonPart, String json) {
        var form = new RawClient.Form().json(jsonPart, json).jpeg("photos", TestPhotos.jpeg(200, 150));
        byte[] body = form.bytes();
        RawClient client = open();
        client.send(RawClient.postHead(path, bearer, form.contentType(), body.length, "trickle-" + UUID.randomUUID()));
        int head = body.length - 200;
        client.send(body, 0, head);
        Instant started = Instant.now();
        byte[] rest = java.util.Arrays.copyOfRange(body, head, body.length);
        var sent = CompletableFuture.supplyAsync(() -> head + client.trickle(rest, Duration.ofMillis(300)), tricklers);
        return new Trickle(client, started, body.length, sent);
    }

    private RawClient open() {
        RawClient client = RawClient.connect(port);
        clients.add(client);
        return client;
    }

    private ReportDto submitted() {
        return Submission.sound().submitted(http, patrol);
    }

    private String staffOf(ReportDto report) {
        return fixtures.bearer(fixtures.user(
                Fixtures.DEMO_WARD, report.getAssignment().getUnit().getId(), "UNIT_STAFF"));
    }

    private void accept(String staff, ReportDto report) {
        http.post()
                .uri("/api/v1/reports/" + report.getId() + "/actions")
                .header("Authorization", staff)
                .header("If-Match", "\"" + report.getVersion() + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"action\": \"ACCEPT\"}")
                .exchange()
                .expectStatus()
                .isOk();
    }

    private WebTestClient.ResponseSpec resolveWithPhoto(String staff, ReportDto report, long version) {
        var body = new MultipartBodyBuilder();
        body.part(
                "action",
                "{\"action\": \"RESOLVE\", \"note\": \"Đã xử lý\", \"expectedVersion\": " + version + "}",
                MediaType.APPLICATION_JSON);
        body.part("photos", Resolutions.photoAt(report)).contentType(MediaType.IMAGE_JPEG);
        return post("/api/v1/reports/" + report.getId() + "/actions", staff, body);
    }

    private WebTestClient.ResponseSpec reviewWithPhoto(String bearer, ReportDto report) {
        var body = new MultipartBodyBuilder();
        body.part("review", "{\"verdict\": \"CONFIRMED\"}", MediaType.APPLICATION_JSON);
        body.part("photos", Resolutions.photoAt(report)).contentType(MediaType.IMAGE_JPEG);
        return post("/api/v1/reports/" + report.getId() + "/reviews", bearer, body);
    }

    private WebTestClient.ResponseSpec post(String path, String bearer, MultipartBodyBuilder body) {
        return http.post()
                .uri(path)
                .header("Authorization", bearer)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build()))
                .exchange();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
