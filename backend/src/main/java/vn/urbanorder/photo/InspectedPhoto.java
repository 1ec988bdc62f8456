package vn.urbanorder.photo;

import java.nio.file.Path;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import vn.urbanorder.shared.GeoPoint;

/**
 * An uploaded photo as the server reads it: its file (for as long as its request runs), its
 * length, hash and type, and what its EXIF says (each may be missing).
 */
public record InspectedPhoto(
        Path file,
        long sizeBytes,
        String sha256,
        PhotoType type,
        @Nullable Integer width,
        @Nullable Integer height,
        @Nullable Instant takenAt,
        @Nullable GeoPoint gps) {}
