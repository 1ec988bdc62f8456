package vn.urbanorder.assignment;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One version of a zone or segment, as stored.
 *
 * @param geometry its GeoJSON geometry
 * @param bufferM for segments, metres either side of the line that count as on it
 */
public record Zone(
        UUID id,
        String code,
        String name,
        ZoneKind kind,
        @Nullable String unitCode,
        @Nullable Double bufferM,
        String geometry,
        Instant validFrom) {}
