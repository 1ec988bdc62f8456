package vn.urbanorder.assignment;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One import of a ward's map. Who and what changed are unknown (null) for imports made before
 * versions were recorded.
 *
 * @param validTo when the next import replaced it; null for the current map
 * @param importedBy the importer's username
 */
public record ZoneVersion(
        long version,
        Instant validFrom,
        @Nullable Instant validTo,
        @Nullable String importedBy,
        int zones,
        int segments,
        @Nullable Integer added,
        @Nullable Integer changed,
        @Nullable Integer removed) {}
