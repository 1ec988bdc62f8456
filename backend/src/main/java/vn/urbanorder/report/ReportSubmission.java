package vn.urbanorder.report;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A report as the officer's phone sends it. */
public record ReportSubmission(
        UUID clientReportId,
        String category,
        String subtype,
        String description,
        String addressText,
        ReportLocation location,
        OffsetDateTime observedAt,
        UUID inspectionRoundId) {}
