package vn.urbanorder.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.api.model.ReviewDto;
import vn.urbanorder.demo.DemoMap;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;
import vn.urbanorder.testing.Submission;
import vn.urbanorder.testing.TestPhotos;
import vn.urbanorder.testing.TestPoints;

/**
 * The JSON part of a form sent as generic encoders send it: without a Content-Type (text/plain by
 * RFC 7578), or labelled text/plain. Its content is read as JSON and checked as usual.
 */
@IntegrationTest
class JsonFormPartsIntegrationTests {

    private static final String BOUNDARY = "tu-tach-phan-7578";

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DemoMap demoMap;

    String patrol;
    double[] at;

    @BeforeEach
    void aPatrol() {
        demoMap.ready().block();
        patrol = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "PATROL"));
        at = TestPoints.next();
    }

    @Test
    void aReportPartWithoutAContentTypeIsReadAsJson() {
        ReportDto report = post(
                        "/api/v1/reports/with-photos",
                        patrol,
                        new Form()
                                .field("report", null, sanitation().json())
                                .photo(TestPhotos.jpegTakenAt(at[0], at[1])))
                .expectStatus()
                .isCreated()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();

        assertThat(report.getPhotos()).hasSize(1);
    }

    @Test
    void aReportPartLabelledTextPlainIsReadAsJson() {
        post(
                        "/api/v1/reports/with-photos",
                        patrol,
                        new Form()
                                .field(
                                        "report",
                                        "text/plain; charset=UTF-8",
                                        sanitation().json()))
                .expectStatus()
                .isCreated();
    }

    @Test
    void anUnlabelledPartThatIsNotJsonIsABadRequestProblem() {
        post("/api/v1/reports/with-photos", patrol, new Form().field("report", null, "Lấn chiếm vỉa hè"))
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).startsWith("Nội dung JSON không đọc được"));
    }

    @Test
    void anUnlabelledPartIsCheckedLikeJson() {
        String withoutCategory = sanitation().category(null, "LITTERING").json();
        post("/api/v1/reports/with-photos", patrol, new Form().field("report", null, withoutCategory))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("category");
    }

    @Test
    void unlabelledActionAndReviewPartsResolveAndReview() {
        ReportDto report = Submission.sound().category("SANITATION").submitted(http, patrol);
        String staff = fixtures.bearer(fixtures.user(
                Fixtures.DEMO_WARD, report.getAssignment().getUnit().getId(), "UNIT_STAFF"));
        http.post()
                .uri("/api/v1/reports/" + report.getId() + "/actions")
                .header("Authorization", staff)
                .header("If-Match", "\"" + report.getVersion() + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"action\": \"ACCEPT\"}")
                .exchange()
                .expectStatus()
                .isOk();
        byte[] after = TestPhotos.jpegTakenAt(
                report.getLocation().getLat(), report.getLocation().getLon());

        http.post()
                .uri("/api/v1/reports/" + report.getId() + "/actions/with-photos")
                .header("If-Match", "\"" + (report.getVersion() + 1) + "\"")
                .header("Authorization", staff)
                .contentType(Form.TYPE)
                .bodyValue(new Form()
                        .field("action", null, "{\"action\": \"RESOLVE\", \"note\": \"Đã dọn sạch\"}")
                        .photo(after)
                        .bytes())
                .exchange()
                .expectStatus()
                .isOk();
        String inspector = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "INSPECTOR"));
        ReviewDto review = post(
                        "/api/v1/reports/" + report.getId() + "/reviews/with-photos",
                        inspector,
                        new Form()
                                .field("review", null, "{\"verdict\": \"CONFIRMED\", \"comment\": \"Đã xem\"}")
                                .photo(after))
                .expectStatus()
                .isCreated()
                .expectBody(ReviewDto.class)
                .returnResult()
                .getResponseBody();

        assertThat(review.getToStatus().getValue()).isEqualTo("VERIFIED");
        assertThat(review.getPhotos()).hasSize(1);
    }

    private Submission sanitation() {
        return Submission.sound()
                .category("SANITATION")
                .at(at)
                .observedAt(Instant.now().minusSeconds(60));
    }

    private WebTestClient.ResponseSpec post(String path, String caller, Form form) {
        return http.post()
                .uri(path)
                .header("Authorization", caller)
                .contentType(Form.TYPE)
                .bodyValue(form.bytes())
                .exchange();
    }

    /** A multipart form written byte by byte, so a part can go without any Content-Type. */
    private static final class Form {

        static final MediaType TYPE = MediaType.parseMediaType("multipart/form-data; boundary=" + BOUNDARY);

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Form field(String name, String contentType, String value) {
            write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n"
                    + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n") + "\r\n");
            out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
            write("\r\n");
            return this;
        }

        Form photo(byte[] jpeg) {
            write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\""
                    + UUID.randomUUID() + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n");
            out.writeBytes(jpeg);
            write("\r\n");
            return this;
        }

        byte[] bytes() {
            write("--" + BOUNDARY + "--\r\n");
            return out.toByteArray();
        }

        private void write(String text) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
