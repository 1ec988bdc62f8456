package vn.urbanorder.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import vn.urbanorder.assignment.Assignment;

/** The first events of a report's trail: the officer's submission, and the service's assignment. */
final class IntakeEvents {

    static final String SUBMITTED = "SUBMITTED";
    static final String ASSIGNED = "ASSIGNED";

    private IntakeEvents() {}

    static List<NewEvent> of(UUID reporterId, NewReport report) {
        var submitted = new LinkedHashMap<String, Object>();
        submitted.put("clientReportId", report.submission().clientReportId());
        submitted.put("category", report.submission().category());
        submitted.put("subtype", report.submission().subtype());
        submitted.put("observedAt", report.submission().observedAt().toInstant());
        submitted.put("flags", report.flags().stream().map(Enum::name).sorted().toList());
        List<NewEvent> events = new ArrayList<>();
        events.add(new NewEvent(
                report.receivedAt(),
                reporterId,
                SUBMITTED,
                null,
                ReportStatus.UNASSIGNED,
                null,
                NewEvent.data(submitted)));
        Assignment assignment = report.assignment();
        if (assignment.assigned()) {
            var assigned = new LinkedHashMap<String, Object>();
            assigned.put("unitId", assignment.unit().id());
            assigned.put("unitCode", assignment.unit().code());
            assigned.put(
                    "zoneCode",
                    assignment.zone() == null ? null : assignment.zone().code());
            assigned.put(
                    "segmentCode",
                    assignment.segment() == null ? null : assignment.segment().code());
            assigned.put("rule", assignment.rule().name());
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
