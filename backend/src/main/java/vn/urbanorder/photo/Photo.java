package vn.urbanorder.photo;

import java.time.Instant;
import java.util.UUID;
import vn.urbanorder.shared.GeoPoint;

/** A stored photo of a report. */
public record Photo(
        UUID id,
        UUID reportId,
        int position,
        String sha256,
        String contentType,
        long sizeBytes,
        Integer width,
        Integer height,
        Instant takenAt,
        GeoPoint gps,
        PhotoStage stage) {}
