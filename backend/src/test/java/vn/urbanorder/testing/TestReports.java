package vn.urbanorder.testing;

import java.time.Instant;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.ReportDto;

/** JSON report submissions as a phone sends them, for tests of what happens to reports afterwards. */
public final class TestReports {

    private TestReports() {}

    /** A submission with a fresh client id; {@code extra} is more JSON members (", \"x\": 1") or empty. */
    public static String json(String category, String subtype, double[] at, Instant observedAt, String extra) {
        return """
                {"clientReportId": "%s", "category": "%s", "subtype": "%s",
                 "location": {"lat": %s, "lon": %s, "accuracyM": 5}, "observedAt": "%s"%s}""".formatted(UUID.randomUUID(), category, subtype, at[0], at[1], observedAt, extra);
    }

    /** The sample subtype the tests use for a category. */
    public static String subtypeOf(String category) {
        return switch (category) {
            case "SANITATION" -> "LITTERING";
            case "CONSTRUCTION" -> "NO_PERMIT";
            default -> "GOODS_DISPLAY";
        };
    }

    public static WebTestClient.ResponseSpec post(WebTestClient http, String caller, String json) {
        return http.post()
                .uri("/api/v1/reports")
                .header("Authorization", caller)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    /** Submitted, and recorded (201). */
    public static ReportDto submitted(
            WebTestClient http, String caller, String category, double[] at, Instant observedAt) {
        return post(http, caller, json(category, subtypeOf(category), at, observedAt, ""))
                .expectStatus()
                .isCreated()
                .expectBody(ReportDto.class)
                .returnResult()
                .getResponseBody();
    }
}
