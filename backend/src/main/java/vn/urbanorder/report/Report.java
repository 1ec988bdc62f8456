package vn.urbanorder.report;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.urbanorder.assignment.Assignment;
import vn.urbanorder.photo.Photo;

/** A violation report as recorded, with the assignment decided when it arrived. */
public record Report(
        UUID id,
        UUID wardId,
        String reference,
        UUID clientReportId,
        String category,
        @Nullable String subtype,
        @Nullable String description,
        @Nullable String addressText,
        ReportLocation location,
        Instant observedAt,
        Instant receivedAt,
        ReportStatus status,
        UUID reporterId,
        String reporterName,
        Set<ReportFlag> flags,
        @Nullable UUID inspectionRoundId,
        int version,
        Assignment assignment,
        @Nullable Instant dueAt,
        @Nullable Instant resolvedAt,
        @Nullable UUID duplicateOf,
        @Nullable LocationSummary violationLocation,
        List<Photo> photos) {

    public Report {
        flags = Set.copyOf(flags);
        photos = List.copyOf(photos);
    }

    Report withPhotos(List<Photo> photos) {
        return new Report(
                id,
                wardId,
                reference,
                clientReportId,
                category,
                subtype,
                description,
                addressText,
                location,
                observedAt,
                receivedAt,
                status,
                reporterId,
                reporterName,
                flags,
                inspectionRoundId,
                version,
                assignment,
                dueAt,
                resolvedAt,
                duplicateOf,
                violationLocation,
                photos);
    }

    /** Since when it waits in the inspectors' review queue: its resolution, or else its observation. */
    public Instant waitingForReviewSince() {
        return status == ReportStatus.RESOLVED && resolvedAt != null ? resolvedAt : observedAt;
    }

    /** Whether it waits for its unit past its deadline at that moment. */
    public boolean overdue(Instant now) {
        return dueAt != null && status.awaitsUnit() && dueAt.isBefore(now);
    }
}
