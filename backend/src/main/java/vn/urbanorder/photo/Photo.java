package vn.urbanorder.photo;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.urbanorder.shared.GeoPoint;

/** A stored photo of a report. */
public record Photo(
        UUID id,
        UUID reportId,
        int position,
        String sha256,
        String contentType,
        long sizeBytes,
        @Nullable Integer width,
        @Nullable Integer height,
        @Nullable Instant takenAt,
        @Nullable GeoPoint gps,
        PhotoStage stage) {}
