package vn.urbanorder.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.urbanorder.assignment.Assignment;
import vn.urbanorder.assignment.RuleLevel;
import vn.urbanorder.shared.GeoPoint;

/** The first events of a report's trail, for each way intake can record it: exactly these, in this order. */
class IntakeEventsTests {

    private static final UUID REPORTER = UUID.fromString("0b7a4c3e-1d2f-4a5b-8c6d-7e8f9a0b1c2d");
    private static final UUID CLIENT_ID = UUID.fromString("3f1c2a9e-8b1d-4c55-9a70-2b6f0d1e4a11");
    private static final UUID LOCATION = UUID.fromString("5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d");
    private static final UUID FIRST_REPORT = UUID.fromString("6c7d8e9f-0a1b-4c2d-9e3f-4a5b6c7d8e9f");
    private static final UUID UNIT = UUID.fromString("7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a");
    /** Received with nanoseconds; the trail keeps what the database keeps, microseconds. */
    private static final Instant RECEIVED = Instant.parse("2026-11-20T02:20:00.123456789Z");

    private static final Instant KEPT = Instant.parse("2026-11-20T02:20:00.123456Z");
    private static final Instant DUE = Instant.parse("2026-11-21T02:20:00Z");
    private static final Assignment.UnitRef VSMT = new Assignment.UnitRef(UNIT, "VSMT", "Tổ Vệ sinh môi trường");
    private static final Assignment.Place TDP09 = new Assignment.Place(UUID.randomUUID(), "TDP09", "Tổ dân phố 9");
    private static final Assignment.Place NVC = new Assignment.Place(UUID.randomUUID(), "NVC-1", "Nguyễn Văn Cừ");

    private static final String SUBMITTED = "{\"category\":\"SANITATION\",\"clientReportId\":\"" + CLIENT_ID
            + "\",\"flags\":[],\"observedAt\":\"2026-11-20T02:15:30Z\",\"subtype\":\"LITTERING\","
            + "\"violationLocationId\":\"" + LOCATION + "\"}";

    @ParameterizedTest(name = "{0}")
    @MethodSource("intakes")
    void theTrailStartsWithTheseEvents(String intake, NewReport report, List<NewEvent> expected) {
        assertThat(IntakeEvents.of(REPORTER, report)).as(intake).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> intakes() {
        var onASegment = new Assignment(VSMT, TDP09, NVC, RuleLevel.SEGMENT_CATEGORY);
        var wardWide = new Assignment(VSMT, null, null, RuleLevel.WARD_DEFAULT);
        return Stream.of(
                Arguments.of(
                        "assigned on a segment: the unit, zone, segment, rule and deadline",
                        report(ReportStatus.ASSIGNED, onASegment, DUE, null, Set.of()),
                        List.of(
                                submitted(SUBMITTED),
                                service(
                                        IntakeEvents.ASSIGNED,
                                        ReportStatus.ASSIGNED,
                                        "{\"dueAt\":\"2026-11-21T02:20:00Z\",\"rule\":\"SEGMENT_CATEGORY\","
                                                + "\"segmentCode\":\"NVC-1\",\"unitCode\":\"VSMT\",\"unitId\":\""
                                                + UNIT + "\",\"zoneCode\":\"TDP09\"}"))),
                Arguments.of(
                        "assigned by the ward's default: no zone or segment named",
                        report(ReportStatus.ASSIGNED, wardWide, DUE, null, Set.of()),
                        List.of(
                                submitted(SUBMITTED),
                                service(
                                        IntakeEvents.ASSIGNED,
                                        ReportStatus.ASSIGNED,
                                        "{\"dueAt\":\"2026-11-21T02:20:00Z\",\"rule\":\"WARD_DEFAULT\","
                                                + "\"unitCode\":\"VSMT\",\"unitId\":\"" + UNIT + "\"}"))),
                Arguments.of(
                        "no unit found: submitted only, waiting for the ward admin",
                        report(ReportStatus.UNASSIGNED, Assignment.NONE, null, null, Set.of()),
                        List.of(submitted(SUBMITTED))),
                Arguments.of(
                        "a duplicate: no assignment event, even where a unit would have been found",
                        report(ReportStatus.DUPLICATE, onASegment, null, FIRST_REPORT, Set.of()),
                        List.of(
                                submitted(SUBMITTED),
                                service(
                                        IntakeEvents.DUPLICATE,
                                        ReportStatus.DUPLICATE,
                                        "{\"duplicateOf\":\"" + FIRST_REPORT + "\"}"))),
                Arguments.of(
                        "flagged: the flags in name order",
                        report(
                                ReportStatus.UNASSIGNED,
                                Assignment.NONE,
                                null,
                                null,
                                Set.of(
                                        ReportFlag.REPEAT_OFFENCE,
                                        ReportFlag.LOW_ACCURACY,
                                        ReportFlag.PHOTO_LOCATION_MISMATCH)),
                        List.of(submitted(SUBMITTED.replace(
                                "\"flags\":[]",
                                "\"flags\":[\"LOW_ACCURACY\",\"PHOTO_LOCATION_MISMATCH\",\"REPEAT_OFFENCE\"]")))),
                Arguments.of(
                        "no subtype: left out of the data",
                        report(ReportStatus.UNASSIGNED, Assignment.NONE, null, null, Set.of(), null),
                        List.of(submitted(SUBMITTED.replace(",\"subtype\":\"LITTERING\"", "")))));
    }

    /** The officer's submission, by the officer: the report starts UNASSIGNED. */
    private static NewEvent submitted(String data) {
        return new NewEvent(KEPT, REPORTER, IntakeEvents.SUBMITTED, null, ReportStatus.UNASSIGNED, null, data);
    }

    /** What the service decided at once, by nobody in particular. */
    private static NewEvent service(String type, ReportStatus to, String data) {
        return new NewEvent(KEPT, null, type, ReportStatus.UNASSIGNED, to, null, data);
    }

    private static NewReport report(
            ReportStatus status, Assignment assignment, Instant dueAt, UUID duplicateOf, Set<ReportFlag> flags) {
        return report(status, assignment, dueAt, duplicateOf, flags, "LITTERING");
    }

    private static NewReport report(
            ReportStatus status,
            Assignment assignment,
            Instant dueAt,
            UUID duplicateOf,
            Set<ReportFlag> flags,
            String subtype) {
        var submission = new ReportSubmission(
                CLIENT_ID,
                "SANITATION",
                subtype,
                "Rác đổ trước cổng chợ",
                "Số 5 Nguyễn Văn Cừ",
                new ReportLocation(new GeoPoint(21.0452, 105.8853), 6.0),
                // The phone's local time; the trail holds the instant.
                OffsetDateTime.parse("2026-11-20T09:15:30+07:00"),
                null);
        return new NewReport(
                UUID.randomUUID(),
                UUID.randomUUID(),
                REPORTER,
                2026,
                "GT-2026-",
                submission,
                "payload",
                RECEIVED,
                flags,
                assignment,
                dueAt,
                status,
                LOCATION,
                duplicateOf);
    }
}
