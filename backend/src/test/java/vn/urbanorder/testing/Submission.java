package vn.urbanorder.testing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import vn.urbanorder.api.model.ReportDto;

/**
 * A report submission as a phone sends it: a sound one by default, changed one field at a time,
 * and sent as JSON or as a form with photos. Every test that submits reports builds them here.
 */
public final class Submission {

    private static final ZoneOffset PHONE_OFFSET = ZoneOffset.ofHours(7);

    private String clientReportId = UUID.randomUUID().toString();
    private String category = "SIDEWALK_ENCROACHMENT";
    private String subtype = "GOODS_DISPLAY";
    private String description = "Bày hàng hoa quả chiếm hết vỉa hè trước số 12";
    private String addressText = "Số 12 Nguyễn Văn Cừ";
    /** Taken from {@link TestPoints} when first needed, so that a test choosing its own point uses none up. */
    private double[] point;

    private double accuracyM = 8;
    private Instant observedAt = Instant.now().minus(10, ChronoUnit.MINUTES);
    private UUID inspectionRoundId;

    private Submission() {}

    /** A sound submission, observed ten minutes ago at a point no other test report is near. */
    public static Submission sound() {
        return new Submission();
    }

    /** At a point of tổ dân phố 9 of the demo map that no other test report is near. */
    public Submission inTdp09() {
        return at(TestPoints.nextInTdp09());
    }

    public Submission at(double[] point) {
        return at(point[0], point[1]);
    }

    public Submission at(double lat, double lon) {
        this.point = new double[] {lat, lon};
        return this;
    }

    public Submission clientReportId(UUID id) {
        this.clientReportId = id.toString();
        return this;
    }

    /** The category with the sample subtype the tests use for it. */
    public Submission category(String category) {
        return category(category, subtypeOf(category));
    }

    /** A null category or subtype is left out of the body. */
    public Submission category(String category, String subtype) {
        this.category = category;
        this.subtype = subtype;
        return this;
    }

    public Submission description(String description) {
        this.description = description;
        return this;
    }

    public Submission addressText(String addressText) {
        this.addressText = addressText;
        return this;
    }

    public Submission accuracy(double metres) {
        this.accuracyM = metres;
        return this;
    }

    /** Sent with the phone's offset, +07:00. */
    public Submission observedAt(Instant instant) {
        this.observedAt = instant;
        return this;
    }

    public Submission onRound(UUID round) {
        this.inspectionRoundId = round;
        return this;
    }

    public String clientReportId() {
        return clientReportId;
    }

    public double lat() {
        return point()[0];
    }

    public double lon() {
        return point()[1];
    }

    /** The body, the same each time it is asked for, so that sending it again is a retry. */
    public String json() {
        Map<String, String> members = new LinkedHashMap<>();
        members.put("clientReportId", quote(clientReportId));
        members.put("category", quote(category));
        members.put("subtype", quote(subtype));
        members.put("description", quote(description));
        members.put("addressText", quote(addressText));
        members.put(
                "location",
                "{\"lat\": %s, \"lon\": %s, \"accuracyM\": %s}".formatted(point()[0], point()[1], accuracyM));
        members.put("observedAt", quote(observedAt.atOffset(PHONE_OFFSET).toString()));
        members.put("inspectionRoundId", inspectionRoundId == null ? null : quote(inspectionRoundId.toString()));
        StringBuilder json = new StringBuilder("{");
        members.forEach((name, value) -> {
            if (value != null) {
                json.append(json.length() == 1 ? "" : ", ")
                        .append('"')
                        .append(name)
                        .append("\": ")
                        .append(value);
            }
        });
        return json.append('}').toString();
    }

    /** The form a phone sends with photos: the report as a JSON part and each photo as a JPEG part. */
    public MultipartBodyBuilder form(byte[]... photos) {
        var form = new MultipartBodyBuilder();
        form.part("report", json(), MediaType.APPLICATION_JSON);
        for (int i = 0; i < photos.length; i++) {
            String name = "photo-" + i + ".jpg";
            form.part("photos", new ByteArrayResource(photos[i]) {
                        @Override
                        public String getFilename() {
                            return name;
                        }
                    })
                    .contentType(MediaType.IMAGE_JPEG);
        }
        return form;
    }

    /** Sent as JSON by the caller (a bearer header value). */
    public WebTestClient.ResponseSpec post(WebTestClient http, String caller) {
        return http.post()
                .uri("/api/v1/reports")
                .header("Authorization", caller)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json())
                .exchange();
    }

    /** Sent as a form with the photos, to the submission path as the first contract had it. */
    public WebTestClient.ResponseSpec postWithPhotos(WebTestClient http, String caller, byte[]... photos) {
        return http.post()
                .uri("/api/v1/reports")
                .header("Authorization", caller)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form(photos).build()))
                .exchange();
    }

    /** Sent as JSON, and recorded (201). */
    public ReportDto submitted(WebTestClient http, String caller) {
        return created(post(http, caller));
    }

    /** Sent as a form with the photos, and recorded (201). */
    public ReportDto submittedWithPhotos(WebTestClient http, String caller, byte[]... photos) {
        return created(postWithPhotos(http, caller, photos));
    }

    private static ReportDto created(WebTestClient.ResponseSpec answer) {
        return answer.expectStatus()
                .isCreated()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();
    }

    private double[] point() {
        if (point == null) {
            point = TestPoints.next();
        }
        return point;
    }

    /** The sample subtype the tests use for a category. */
    private static String subtypeOf(String category) {
        return switch (category) {
            case "SANITATION" -> "LITTERING";
            case "CONSTRUCTION" -> "NO_PERMIT";
            default -> "GOODS_DISPLAY";
        };
    }

    /** A JSON string, control characters escaped as JSON writes them; null for a member left out. */
    private static String quote(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append("\\u%04x".formatted((int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
