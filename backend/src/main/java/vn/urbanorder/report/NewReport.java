package vn.urbanorder.report;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import vn.urbanorder.assignment.Assignment;

/**
 * A checked submission, ready to be stored.
 *
 * @param year the year its reference number counts in (in the ward's time zone)
 * @param referencePrefix what comes before the number, e.g. {@code GT-2026-}
 */
record NewReport(
        UUID wardId,
        UUID reporterId,
        int year,
        String referencePrefix,
        ReportSubmission submission,
        String payloadSha256,
        Instant receivedAt,
        Set<ReportFlag> flags,
        Assignment assignment,
        Instant dueAt) {}
