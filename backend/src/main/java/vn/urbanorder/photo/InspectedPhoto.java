package vn.urbanorder.photo;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import vn.urbanorder.shared.GeoPoint;

/**
 * An uploaded photo as the server reads it: its bytes, their hash and type, and what its EXIF
 * says (each may be missing).
 */
public record InspectedPhoto(
        byte[] bytes,
        String sha256,
        PhotoType type,
        @Nullable Integer width,
        @Nullable Integer height,
        @Nullable Instant takenAt,
        @Nullable GeoPoint gps) {

    public long sizeBytes() {
        return bytes.length;
    }
}
