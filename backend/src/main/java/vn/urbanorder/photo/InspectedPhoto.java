package vn.urbanorder.photo;

import java.time.Instant;
import vn.urbanorder.shared.GeoPoint;

/**
 * An uploaded photo as the server reads it: its bytes, their hash and type, and what its EXIF
 * says (each may be missing).
 */
public record InspectedPhoto(
        byte[] bytes, String sha256, PhotoType type, Integer width, Integer height, Instant takenAt, GeoPoint gps) {

    public long sizeBytes() {
        return bytes.length;
    }
}
