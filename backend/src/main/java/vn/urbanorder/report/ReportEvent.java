package vn.urbanorder.report;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a report's audit trail, as stored.
 *
 * @param actorId who did it; null when the service did it by itself (the assignment at intake)
 * @param data what else the change carried (unit, reason, photos), as canonical JSON
 * @param hashVersion which canonical form its hash covers (see {@code EventChain})
 */
public record ReportEvent(
        UUID reportId,
        int seq,
        Instant at,
        @Nullable UUID actorId,
        @Nullable String actorName,
        String type,
        @Nullable String fromStatus,
        @Nullable String toStatus,
        @Nullable String note,
        String data,
        @Nullable String prevHash,
        String hash,
        int hashVersion) {}
