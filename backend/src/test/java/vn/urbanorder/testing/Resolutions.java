package vn.urbanorder.testing;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import vn.urbanorder.api.model.ReportDto;

/** A unit's staff handling a report as the workflow asks: taken on, then resolved with an after-photo. */
public final class Resolutions {

    private Resolutions() {}

    /**
     * ACCEPT at the report's version, then RESOLVE with a photo taken at its point, by the given
     * staff of its unit; both must succeed.
     */
    public static void acceptAndResolve(WebTestClient http, String staff, ReportDto report) {
        http.post()
                .uri("/api/v1/reports/" + report.getId() + "/actions")
                .header("Authorization", staff)
                .header("If-Match", "\"" + report.getVersion() + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"action\": \"ACCEPT\"}")
                .exchange()
                .expectStatus()
                .isOk();
        var body = new MultipartBodyBuilder();
        body.part("action", "{\"action\": \"RESOLVE\", \"note\": \"Đã xử lý\"}", MediaType.APPLICATION_JSON);
        body.part("photos", photoAt(report)).contentType(MediaType.IMAGE_JPEG);
        http.post()
                .uri("/api/v1/reports/" + report.getId() + "/actions")
                .header("Authorization", staff)
                .header("If-Match", "\"" + (report.getVersion() + 1) + "\"")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build()))
                .exchange()
                .expectStatus()
                .isOk();
    }

    /** A JPEG whose EXIF puts it at the report's point, as a multipart file. */
    public static ByteArrayResource photoAt(ReportDto report) {
        return new ByteArrayResource(TestPhotos.jpegTakenAt(
                report.getLocation().getLat(), report.getLocation().getLon())) {
            @Override
            public String getFilename() {
                return "anh.jpg";
            }
        };
    }
}
