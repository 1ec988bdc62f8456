package vn.urbanorder.report;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A violation report as recorded. */
public record Report(
        UUID id,
        UUID wardId,
        String reference,
        UUID clientReportId,
        String category,
        String subtype,
        String description,
        String addressText,
        ReportLocation location,
        Instant observedAt,
        Instant receivedAt,
        ReportStatus status,
        UUID reporterId,
        String reporterName,
        Set<ReportFlag> flags,
        UUID inspectionRoundId,
        int version) {

    public Report {
        flags = Set.copyOf(flags);
    }
}
