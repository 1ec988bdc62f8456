package vn.urbanorder.report;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.urbanorder.assignment.Assignment;

/**
 * A checked submission, ready to be stored.
 *
 * @param year the year its reference number counts in (in the ward's time zone)
 * @param referencePrefix what comes before the number, e.g. {@code GT-2026-}
 * @param status ASSIGNED, UNASSIGNED, or DUPLICATE when an open report of its location came first
 * @param locationId the violation location it joins
 * @param duplicateOf for a DUPLICATE, the oldest open report of its location
 */
record NewReport(
        UUID id,
        UUID wardId,
        UUID reporterId,
        int year,
        String referencePrefix,
        ReportSubmission submission,
        String payloadSha256,
        Instant receivedAt,
        Set<ReportFlag> flags,
        Assignment assignment,
        @Nullable Instant dueAt,
        ReportStatus status,
        UUID locationId,
        @Nullable UUID duplicateOf) {}
