package vn.urbanorder.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.demo.DemoMap;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;
import vn.urbanorder.testing.Submission;

/**
 * What a hostile or clumsy client sends that the database could not take: NUL characters, dates
 * beyond any calendar the ward keeps, fields an action does not take. Each is a 422 naming the
 * field, never a 500, and nothing is stored.
 */
@IntegrationTest
class HostileInputIntegrationTests {

    private static final UUID VSMT = UUID.fromString("a1000000-0000-4000-8000-000000000203");

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DatabaseClient database;

    @Autowired
    DemoMap demoMap;

    @LocalServerPort
    int port;

    String patrol;
    String staff;
    String admin;
    String inspector;

    @BeforeEach
    void users() {
        demoMap.ready().block();
        patrol = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "PATROL"));
        staff = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, VSMT, "UNIT_STAFF"));
        admin = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "WARD_ADMIN"));
        inspector = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "INSPECTOR"));
    }

    @Test
    void aNulInASearchIsRefusedNamingTheParameter() {
        refused(get(patrol, "/api/v1/reports?q=a%00b"), "q");
        refused(get(patrol, "/api/v1/reports?q=ok&status=ASSIGNED%00"), "status");
    }

    @Test
    void aNulInJsonTextIsRefusedNamingTheFieldAndNothingIsStored() {
        Submission withNul = sanitationNow().addressText("Số 5\u0000");
        refused(withNul.post(http, patrol), "addressText");
        assertThat(storedWithClientId(withNul.clientReportId())).isZero();

        refused(
                http.post()
                        .uri("/api/v1/auth/token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"username\":\"admin\\u0000\",\"password\":\"x\"}")
                        .exchange(),
                "username");

        ReportDto report = sanitationNow().inTdp09().submitted(http, patrol);
        refused(act(staff, report, "{\"action\": \"ACCEPT\", \"note\": \"nhận\\u0000\"}"), "note");
        assertThat(version(report)).isEqualTo(report.getVersion());
    }

    @Test
    void datesBeyondTheCalendarAreRefusedNamingTheField() {
        refused(get(patrol, "/api/v1/reports?from=%2B999999999-01-01T00:00:00Z"), "from");
        refused(get(patrol, "/api/v1/reports?to=-4714-11-24T00:00:00Z"), "to");
        refused(get(admin, "/api/v1/zones?at=%2B294277-01-01T00:00:00Z"), "at");
        refused(get(admin, "/api/v1/locations?from=0001-01-01T00:00:00Z"), "from");
        refused(get(admin, "/api/v1/units/" + VSMT + "/scorecard?from=0001-01-01&to=2026-01-31"), "from");
        refused(get(admin, "/api/v1/units/" + VSMT + "/scorecard?from=2026-01-01&to=%2B999999999-12-31"), "to");

        String farCursor = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("OBSERVED_AT|+999999999-01-01T00:00:00Z|" + UUID.randomUUID())
                        .getBytes(StandardCharsets.UTF_8));
        refused(get(patrol, "/api/v1/reports?cursor=" + farCursor), "cursor");

        String round = """
                {"title": "Đợt vô tận", "startedOn": "0001-01-01", "endedOn": "+999999999-12-31",
                 "zoneCodes": ["TDP09"], "memberIds": []}""";
        var answer = http.post()
                .uri("/api/v1/inspection-rounds")
                .header("Authorization", inspector)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(round)
                .exchange();
        refused(answer, "startedOn");
        assertThat(database.sql("SELECT count(*) AS n FROM inspection_round WHERE title = 'Đợt vô tận'")
                        .map(row -> row.get("n", Long.class))
                        .one()
                        .block())
                .isZero();
    }

    @Test
    void aFieldAnActionDoesNotTakeIsRefusedAndNeverReachesTheTrail() {
        ReportDto report = sanitationNow().inTdp09().submitted(http, patrol);
        ReportDto other = sanitationNow().submitted(http, patrol);

        refused(
                act(staff, report, "{\"action\": \"ACCEPT\", \"duplicateOf\": \"" + other.getId() + "\"}"),
                "duplicateOf");
        refused(
                act(
                        admin,
                        report,
                        "{\"action\": \"REJECT\", \"reason\": \"NOT_A_VIOLATION\", \"note\": \"Không vi phạm\","
                                + " \"duplicateOf\": \"" + other.getId() + "\"}"),
                "duplicateOf");
        refused(act(staff, report, "{\"action\": \"ACCEPT\", \"reason\": \"OTHER\"}"), "reason");
        assertThat(version(report)).isEqualTo(report.getVersion());
        assertThat(database.sql(
                                "SELECT count(*) AS n FROM report_event WHERE report_id = :id AND data LIKE '%duplicateOf%'")
                        .bind("id", report.getId())
                        .map(row -> row.get("n", Long.class))
                        .one()
                        .block())
                .isZero();

        act(staff, report, "{\"action\": \"ACCEPT\"}").expectStatus().isOk();
    }

    private static Submission sanitationNow() {
        return Submission.sound().category("SANITATION").observedAt(Instant.now());
    }

    private WebTestClient.ResponseSpec get(String caller, String uri) {
        return http.get()
                .uri(URI.create("http://localhost:" + port + uri))
                .header("Authorization", caller)
                .exchange();
    }

    private WebTestClient.ResponseSpec act(String caller, ReportDto report, String body) {
        return http.post()
                .uri("/api/v1/reports/" + report.getId() + "/actions")
                .header("Authorization", caller)
                .header("If-Match", "\"" + version(report) + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private int version(ReportDto report) {
        return database.sql("SELECT version FROM report WHERE id = :id")
                .bind("id", report.getId())
                .map(row -> row.get("version", Integer.class))
                .one()
                .block();
    }

    private long storedWithClientId(String clientReportId) {
        return database.sql("SELECT count(*) AS n FROM report WHERE client_report_id = :id")
                .bind("id", UUID.fromString(clientReportId))
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }

    private static void refused(WebTestClient.ResponseSpec answer, String field) {
        answer.expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo(field);
    }
}
