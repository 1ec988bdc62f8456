package vn.urbanorder.report;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A report as the officer's phone sends it. */
public record ReportSubmission(
        UUID clientReportId,
        String category,
        @Nullable String subtype,
        @Nullable String description,
        @Nullable String addressText,
        ReportLocation location,
        OffsetDateTime observedAt,
        @Nullable UUID inspectionRoundId) {}
