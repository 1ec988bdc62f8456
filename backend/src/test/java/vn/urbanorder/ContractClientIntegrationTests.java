package vn.urbanorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.BufferingClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.demo.DemoMap;
import vn.urbanorder.testing.ContractValidator;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;
import vn.urbanorder.testing.Submission;
import vn.urbanorder.testing.TestPhotos;
import vn.urbanorder.testing.TestPoints;
import vn.urbanorder.testing.client.ApiClient;
import vn.urbanorder.testing.client.api.AuthApi;
import vn.urbanorder.testing.client.api.HandlingApi;
import vn.urbanorder.testing.client.api.ReportsApi;
import vn.urbanorder.testing.client.api.ReviewsApi;
import vn.urbanorder.testing.client.model.Report;
import vn.urbanorder.testing.client.model.ReportAction;
import vn.urbanorder.testing.client.model.ReportActionRequest;
import vn.urbanorder.testing.client.model.ReportLocation;
import vn.urbanorder.testing.client.model.ReportPhoto;
import vn.urbanorder.testing.client.model.ReportStatus;
import vn.urbanorder.testing.client.model.ReportSubmission;
import vn.urbanorder.testing.client.model.Review;
import vn.urbanorder.testing.client.model.ReviewRequest;
import vn.urbanorder.testing.client.model.SignInRequest;
import vn.urbanorder.testing.client.model.Verdict;

/**
 * A client generated from the contract by openapi-generator (Java, Spring RestClient), as another
 * team would make one, carries a report from intake with photos through RESOLVE with an
 * after-photo to an inspector's review with a photo. Its every answer is checked against the
 * contract too.
 */
@IntegrationTest
class ContractClientIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    WebTestClient http;

    @Autowired
    DemoMap demoMap;

    @TempDir
    Path folder;

    double[] at;

    @BeforeEach
    void somewhereInTheDemoWard() {
        demoMap.ready().block();
        at = TestPoints.next();
    }

    @Test
    void aGeneratedClientSubmitsWithPhotosResolvesWithAnAfterPhotoAndReviewsWithAPhoto() {
        ApiClient patrol = signedIn(fixtures.user(Fixtures.DEMO_WARD, "PATROL"));
        Report report = new ReportsApi(patrol)
                .submitReportWithPhotos(
                        new ReportSubmission()
                                .clientReportId(UUID.randomUUID())
                                .category("SANITATION")
                                .subtype("LITTERING")
                                .addressText("Số 5 Nguyễn Văn Cừ")
                                .location(new ReportLocation()
                                        .lat(at[0])
                                        .lon(at[1])
                                        .accuracyM(6.0))
                                .observedAt(OffsetDateTime.now(ZoneOffset.ofHours(7))
                                        .minusMinutes(5)),
                        List.of(photo("truoc-1.jpg", 0), photo("truoc-2.jpg", 0.0001)));
        assertThat(report.getStatus()).isEqualTo(ReportStatus.ASSIGNED);
        assertThat(report.getPhotos())
                .extracting(ReportPhoto::getStage)
                .containsExactly(ReportPhoto.StageEnum.REPORT, ReportPhoto.StageEnum.REPORT);

        HandlingApi staff = new HandlingApi(signedIn(fixtures.user(
                Fixtures.DEMO_WARD, report.getAssignment().getUnit().getId(), "UNIT_STAFF")));
        Report accepted =
                staff.actOnReport(report.getId(), new ReportActionRequest().action(ReportAction.ACCEPT), etag(report));
        Report resolved = staff.actOnReportWithPhotos(
                report.getId(),
                new ReportActionRequest().action(ReportAction.RESOLVE).note("Đã dọn sạch"),
                etag(accepted),
                List.of(photo("sau.jpg", 0)));
        assertThat(resolved.getStatus()).isEqualTo(ReportStatus.RESOLVED);
        assertThat(resolved.getPhotos())
                .filteredOn(photo -> photo.getStage() == ReportPhoto.StageEnum.RESOLUTION)
                .hasSize(1);

        Review review = new ReviewsApi(signedIn(fixtures.user(Fixtures.DEMO_WARD, "INSPECTOR")))
                .reviewReportWithPhotos(
                        report.getId(),
                        new ReviewRequest().verdict(Verdict.CONFIRMED).comment("Đã kiểm tra tại chỗ"),
                        List.of(photo("kiem-tra.jpg", 0.0002)));
        assertThat(review.getFromStatus()).isEqualTo(ReportStatus.RESOLVED);
        assertThat(review.getToStatus()).isEqualTo(ReportStatus.VERIFIED);
        assertThat(review.getPhotos()).hasSize(1);

        // A thumbnail of the officer's first photo, as a list would show it.
        byte[] thumb = new ReportsApi(patrol)
                .getReportPhotoWithResponseSpec(
                        report.getId(), report.getPhotos().get(0).getId(), "thumb")
                .body(byte[].class);
        assertThat(thumb).startsWith(0xFF, 0xD8, 0xFF);
    }

    /** Clients built from the contract before the forms had paths of their own still send them to the JSON paths. */
    @Test
    void formsOfTheEarlierContractStillWorkOnTheJsonPaths() {
        String patrol = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "PATROL"));
        var submission = new MultipartBodyBuilder();
        submission.part(
                "report",
                Submission.sound()
                        .category("SANITATION")
                        .at(at)
                        .observedAt(Instant.now().minusSeconds(60))
                        .json(),
                MediaType.APPLICATION_JSON);
        submission.part("photos", jpeg(0)).contentType(MediaType.IMAGE_JPEG);
        var report = postForm("/api/v1/reports", patrol, null, submission)
                .expectStatus()
                .isCreated()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();
        String staff = fixtures.bearer(fixtures.user(
                Fixtures.DEMO_WARD, report.getAssignment().getUnit().getId(), "UNIT_STAFF"));
        http.post()
                .uri("/api/v1/reports/" + report.getId() + "/actions")
                .header("Authorization", staff)
                .header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"action\": \"ACCEPT\"}")
                .exchange()
                .expectStatus()
                .isOk();

        var resolution = new MultipartBodyBuilder();
        resolution.part("action", "{\"action\": \"RESOLVE\", \"note\": \"Đã dọn\"}", MediaType.APPLICATION_JSON);
        resolution.part("photos", jpeg(0.0001)).contentType(MediaType.IMAGE_JPEG);
        postForm("/api/v1/reports/" + report.getId() + "/actions", staff, "\"2\"", resolution)
                .expectStatus()
                .isOk();
        var review = new MultipartBodyBuilder();
        review.part("review", "{\"verdict\": \"CONFIRMED\"}", MediaType.APPLICATION_JSON);
        review.part("photos", jpeg(0.0002)).contentType(MediaType.IMAGE_JPEG);
        postForm(
                        "/api/v1/reports/" + report.getId() + "/reviews",
                        fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "INSPECTOR")),
                        null,
                        review)
                .expectStatus()
                .isCreated();
    }

    private WebTestClient.ResponseSpec postForm(String path, String caller, String ifMatch, MultipartBodyBuilder form) {
        return http.post()
                .uri(path)
                .header("Authorization", caller)
                .headers(headers -> {
                    if (ifMatch != null) {
                        headers.setIfMatch(ifMatch);
                    }
                })
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form.build()))
                .exchange();
    }

    private ByteArrayResource jpeg(double north) {
        return new ByteArrayResource(TestPhotos.jpegTakenAt(at[0] + north, at[1])) {
            @Override
            public String getFilename() {
                return "anh.jpg";
            }
        };
    }

    /** A client signed in through the generated sign-in call, whose answers are checked against the contract. */
    private ApiClient signedIn(String username) {
        ApiClient client = new ApiClient(ApiClient.buildRestClientBuilder()
                .requestFactory(new BufferingClientHttpRequestFactory(new JdkClientHttpRequestFactory()))
                .requestInterceptor((request, body, execution) -> {
                    var response = execution.execute(request, body);
                    ContractValidator.instance()
                            .validate(
                                    request.getMethod(),
                                    request.getURI(),
                                    response.getStatusCode().value(),
                                    response.getHeaders(),
                                    response.getBody().readAllBytes());
                    return response;
                })
                .build());
        client.setBasePath("http://localhost:" + port);
        String token = new AuthApi(client)
                .signIn(new SignInRequest().username(username).password(Fixtures.PASSWORD))
                .getAccessToken();
        client.setBearerToken(token);
        return client;
    }

    /** A JPEG file taken at the test's point, moved north by {@code north} degrees so each file differs. */
    private File photo(String name, double north) {
        try {
            return Files.write(folder.resolve(name), TestPhotos.jpegTakenAt(at[0] + north, at[1]))
                    .toFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String etag(Report report) {
        return "\"" + report.getVersion() + "\"";
    }
}
