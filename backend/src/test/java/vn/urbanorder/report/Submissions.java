package vn.urbanorder.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import vn.urbanorder.testing.TestPoints;

/** Report submissions as a phone sends them: a sound one by default, changed one field at a time. */
final class Submissions {

    private String clientReportId = UUID.randomUUID().toString();
    private String category = "SIDEWALK_ENCROACHMENT";
    private String subtype = "GOODS_DISPLAY";
    private String description = "Bày hàng hoa quả chiếm hết vỉa hè trước số 12";
    private String addressText = "Số 12 Nguyễn Văn Cừ";
    private double lat;
    private double lon;
    private double accuracyM = 8;
    private String observedAt = Instant.now()
            .minus(10, ChronoUnit.MINUTES)
            .atOffset(ZoneOffset.ofHours(7))
            .toString();

    /** A sound submission at a point no other test report is near. */
    static Submissions sound() {
        var submission = new Submissions();
        double[] point = TestPoints.next();
        return submission.at(point[0], point[1]);
    }

    /** At a point of tổ dân phố 9 of the demo map that no other test report is near. */
    Submissions inTdp09() {
        double[] point = TestPoints.nextInTdp09();
        return at(point[0], point[1]);
    }

    Submissions clientReportId(String id) {
        this.clientReportId = id;
        return this;
    }

    Submissions category(String category, String subtype) {
        this.category = category;
        this.subtype = subtype;
        return this;
    }

    Submissions description(String description) {
        this.description = description;
        return this;
    }

    Submissions addressText(String addressText) {
        this.addressText = addressText;
        return this;
    }

    Submissions at(double lat, double lon) {
        this.lat = lat;
        this.lon = lon;
        return this;
    }

    Submissions accuracy(double metres) {
        this.accuracyM = metres;
        return this;
    }

    Submissions observedAt(Instant instant) {
        this.observedAt = instant.atOffset(ZoneOffset.ofHours(7)).toString();
        return this;
    }

    double lat() {
        return lat;
    }

    double lon() {
        return lon;
    }

    String clientReportId() {
        return clientReportId;
    }

    String json() {
        return """
                {"clientReportId": "%s", "category": "%s", %s "description": %s, "addressText": %s,
                 "location": {"lat": %s, "lon": %s, "accuracyM": %s}, "observedAt": "%s"}
                """.formatted(
                        clientReportId,
                        category,
                        subtype == null ? "" : "\"subtype\": \"" + subtype + "\",",
                        quote(description),
                        quote(addressText),
                        lat,
                        lon,
                        accuracyM,
                        observedAt);
    }

    private static String quote(String text) {
        return text == null ? "null" : "\"" + text.replace("\"", "\\\"") + "\"";
    }
}
