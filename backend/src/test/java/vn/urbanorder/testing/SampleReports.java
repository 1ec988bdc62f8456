package vn.urbanorder.testing;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.urbanorder.assignment.Assignment;
import vn.urbanorder.report.Report;
import vn.urbanorder.report.ReportLocation;
import vn.urbanorder.report.ReportStatus;
import vn.urbanorder.shared.GeoPoint;

/** Reports as the service reads them back, for unit tests of the rules that judge them. */
public final class SampleReports {

    private SampleReports() {}

    /** A sanitation report in Gia Thụy, observed and received on 20 November 2026, without photos or flags. */
    public static Report report(UUID id, int version, ReportStatus status, Assignment assignment) {
        Instant now = Instant.parse("2026-11-20T02:00:00Z");
        return new Report(
                id,
                UUID.randomUUID(),
                "GT-2026-000001",
                UUID.randomUUID(),
                "SANITATION",
                "LITTERING",
                null,
                null,
                new ReportLocation(new GeoPoint(21.0452, 105.8853), 5.0),
                now,
                now,
                status,
                UUID.randomUUID(),
                "Người báo",
                Set.of(),
                null,
                version,
                assignment,
                null,
                null,
                null,
                null,
                List.of());
    }
}
