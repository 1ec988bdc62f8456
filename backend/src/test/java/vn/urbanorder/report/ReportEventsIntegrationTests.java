package vn.urbanorder.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.EventChainCheckDto;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.api.model.ReportEventListDto;
import vn.urbanorder.demo.DemoMap;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;
import vn.urbanorder.testing.Submission;

/** A report's audit trail: written at intake, readable by whoever sees the report, and tamper-evident. */
@IntegrationTest
class ReportEventsIntegrationTests {

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DatabaseClient database;

    @Autowired
    DemoMap demoMap;

    String patrol;
    ReportDto report;

    @BeforeEach
    void aReportInTheDemoWard() {
        demoMap.ready().block();
        patrol = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "PATROL"));
        // Tổ dân phố 9 of the demo map: a sanitation report goes to the sanitation team.
        report = Submission.sound().category("SANITATION").inTdp09().submitted(http, patrol);
    }

    @Test
    void intakeWritesTheSubmissionAndTheAssignment() {
        ReportEventListDto events = events(patrol, report.getId());

        assertThat(events.getItems()).hasSize(2);
        var submitted = events.getItems().get(0);
        assertThat(submitted.getSeq()).isEqualTo(1);
        assertThat(submitted.getType()).isEqualTo("SUBMITTED");
        assertThat(submitted.getActor().getId()).isEqualTo(report.getReporter().getId());
        assertThat(submitted.getToStatus()).isEqualTo("UNASSIGNED");
        assertThat(submitted.getPrevHash()).isNull();
        assertThat(submitted.getData()).containsEntry("category", "SANITATION");
        var assigned = events.getItems().get(1);
        assertThat(assigned.getType()).isEqualTo("ASSIGNED");
        assertThat(assigned.getActor()).isNull();
        assertThat(assigned.getFromStatus()).isEqualTo("UNASSIGNED");
        assertThat(assigned.getToStatus()).isEqualTo("ASSIGNED");
        assertThat(assigned.getData()).containsEntry("unitCode", "VSMT").containsEntry("zoneCode", "TDP09");
        assertThat(assigned.getPrevHash()).isEqualTo(submitted.getHash());

        assertThat(verify(patrol, report.getId()).getIntact()).isTrue();
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAnEvent() {
        assertThatThrownBy(() -> database.sql("UPDATE report_event SET note = 'sửa lén' WHERE report_id = :report")
                        .bind("report", report.getId())
                        .then()
                        .block())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> database.sql("DELETE FROM report_event WHERE report_id = :report")
                        .bind("report", report.getId())
                        .then()
                        .block())
                .hasMessageContaining("append-only");
        assertThat(events(patrol, report.getId()).getItems()).hasSize(2);
    }

    @Test
    void anEditBehindTheServicesBackIsDetected() {
        // Someone who owns the table switches the guard off, moves the report to another unit and
        // switches the guard on again.
        database.sql("""
                        DO $$
                        BEGIN
                            ALTER TABLE report_event DISABLE TRIGGER report_event_no_update_or_delete;
                            UPDATE report_event SET data = replace(data, 'VSMT', 'TTDT')
                             WHERE report_id = '%s' AND seq = 2;
                            ALTER TABLE report_event ENABLE TRIGGER report_event_no_update_or_delete;
                        END $$
                        """.formatted(report.getId())).then().block();

        EventChainCheckDto check = verify(patrol, report.getId());
        assertThat(check.getIntact()).isFalse();
        assertThat(check.getBrokenAt()).isEqualTo(2);
        assertThat(check.getEvents()).isEqualTo(2);
        assertThat(check.getReason()).isNotBlank();
    }

    @Test
    void removingTheLastEventOrTheWholeTrailIsDetected() {
        database.sql("""
                        DO $$
                        BEGIN
                            ALTER TABLE report_event DISABLE TRIGGER report_event_no_update_or_delete;
                            DELETE FROM report_event WHERE report_id = '%s' AND seq = 2;
                            ALTER TABLE report_event ENABLE TRIGGER report_event_no_update_or_delete;
                        END $$
                        """.formatted(report.getId())).then().block();

        EventChainCheckDto cut = verify(patrol, report.getId());
        assertThat(cut.getIntact()).isFalse();
        assertThat(cut.getEvents()).isEqualTo(1);
        assertThat(cut.getBrokenAt()).isEqualTo(2);

        database.sql("""
                        DO $$
                        BEGIN
                            ALTER TABLE report_event DISABLE TRIGGER report_event_no_update_or_delete;
                            DELETE FROM report_event WHERE report_id = '%s';
                            ALTER TABLE report_event ENABLE TRIGGER report_event_no_update_or_delete;
                        END $$
                        """.formatted(report.getId())).then().block();

        EventChainCheckDto gone = verify(patrol, report.getId());
        assertThat(gone.getIntact()).isFalse();
        assertThat(gone.getEvents()).isZero();
        assertThat(gone.getBrokenAt()).isEqualTo(1);
    }

    @Test
    void theTrailIsAsPrivateAsTheReport() {
        UUID otherWard = fixtures.ward();
        String stranger = fixtures.bearer(fixtures.user(otherWard, "WARD_ADMIN"));
        http.get()
                .uri("/api/v1/reports/" + report.getId() + "/events")
                .header("Authorization", stranger)
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get()
                .uri("/api/v1/reports/" + report.getId() + "/events/verify")
                .header("Authorization", stranger)
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get()
                .uri("/api/v1/reports/" + report.getId() + "/events")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        String inspector = fixtures.bearer(fixtures.user(Fixtures.DEMO_WARD, "INSPECTOR"));
        assertThat(events(inspector, report.getId()).getItems()).hasSize(2);
    }

    private ReportEventListDto events(String caller, UUID id) {
        return http.get()
                .uri("/api/v1/reports/" + id + "/events")
                .header("Authorization", caller)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ReportEventListDto.class)
                .returnResult()
                .getResponseBody();
    }

    private EventChainCheckDto verify(String caller, UUID id) {
        return http.get()
                .uri("/api/v1/reports/" + id + "/events/verify")
                .header("Authorization", caller)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(EventChainCheckDto.class)
                .returnResult()
                .getResponseBody();
    }
}
