package vn.urbanorder.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import vn.urbanorder.assignment.Assignment;

/**
 * The first events of a report's trail: the officer's submission, then the service's assignment,
 * or its finding that an open report at the same location came first.
 */
final class IntakeEvents {

    static final String SUBMITTED = "SUBMITTED";
    static final String ASSIGNED = "ASSIGNED";
    static final String DUPLICATE = "DUPLICATE";

    private IntakeEvents() {}

    static List<NewEvent> of(UUID reporterId, NewReport report) {
        var submitted = new LinkedHashMap<String, Object>();
        submitted.put("clientReportId", report.submission().clientReportId());
        submitted.put("category", report.submission().category());
        submitted.put("subtype", report.submission().subtype());
        submitted.put("observedAt", report.submission().observedAt().toInstant());
        submitted.put("flags", report.flags().stream().map(Enum::name).sorted().toList());
        submitted.put("violationLocationId", report.locationId());
        List<NewEvent> events = new ArrayList<>();
        events.add(new NewEvent(
                report.receivedAt(),
                reporterId,
                SUBMITTED,
                null,
                ReportStatus.UNASSIGNED,
                null,
                NewEvent.data(submitted)));
        if (report.status() == ReportStatus.DUPLICATE) {
            var duplicate = new LinkedHashMap<String, Object>();
            duplicate.put("duplicateOf", report.duplicateOf());
            events.add(new NewEvent(
                    report.receivedAt(),
                    null,
                    DUPLICATE,
                    ReportStatus.UNASSIGNED,
                    ReportStatus.DUPLICATE,
                    null,
                    NewEvent.data(duplicate)));
            return events;
        }
        Assignment assignment = report.assignment();
        if (assignment.unit() != null) {
            var assigned = new LinkedHashMap<String, Object>();
            assigned.put("unitId", assignment.unit().id());
            assigned.put("unitCode", assignment.unit().code());
            assigned.put(
                    "zoneCode",
                    assignment.zone() == null ? null : assignment.zone().code());
            assigned.put(
                    "segmentCode",
                    assignment.segment() == null ? null : assignment.segment().code());
            assigned.put(
                    "rule",
                    Objects.requireNonNull(assignment.rule(), "an assigned report has its rule")
                            .name());
            assigned.put("dueAt", report.dueAt());
            events.add(new NewEvent(
                    report.receivedAt(),
                    null,
                    ASSIGNED,
                    ReportStatus.UNASSIGNED,
                    ReportStatus.ASSIGNED,
                    null,
                    NewEvent.data(assigned)));
        }
        return events;
    }
}
