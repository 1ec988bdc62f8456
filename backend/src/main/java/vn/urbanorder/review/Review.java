package vn.urbanorder.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An inspector's review of a report, as recorded.
 *
 * @param fromStatus the report's status when it was reviewed
 * @param toStatus its status after the review
 * @param photos the review's photos, by SHA-256 (kept with the report's photos, stage REVIEW)
 */
public record Review(
        UUID id,
        UUID reportId,
        UUID reviewerId,
        @Nullable String reviewerName,
        Verdict verdict,
        @Nullable String comment,
        String fromStatus,
        String toStatus,
        List<String> photos,
        Instant createdAt) {

    public Review {
        photos = List.copyOf(photos);
    }
}
