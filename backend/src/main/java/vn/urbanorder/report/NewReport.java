package vn.urbanorder.report;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A checked submission, ready to be stored. */
record NewReport(
        UUID wardId,
        UUID reporterId,
        String reference,
        ReportSubmission submission,
        String payloadSha256,
        Instant receivedAt,
        Set<ReportFlag> flags) {}
