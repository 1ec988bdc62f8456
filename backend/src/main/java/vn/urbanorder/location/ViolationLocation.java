package vn.urbanorder.location;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.urbanorder.shared.GeoPoint;

/**
 * A place where violations of one category are reported in a ward.
 *
 * @param anchor the point of the report that started it; it never moves
 * @param zoneId the zone the anchor lay in, if any
 * @param reportCount the reports there (duplicates included)
 * @param repeatCount repeat offences there: reports observed after an earlier report there was cleared
 * @param firstRepeatAt when the first repeat offence there was observed
 */
public record ViolationLocation(
        UUID id,
        String category,
        GeoPoint anchor,
        @Nullable UUID zoneId,
        @Nullable String zoneCode,
        Instant createdAt,
        int reportCount,
        int repeatCount,
        @Nullable Instant firstSeenAt,
        @Nullable Instant lastSeenAt,
        @Nullable Instant firstRepeatAt) {

    /** A repeat point (điểm tái phạm). */
    public boolean repeat() {
        return repeatCount > 0;
    }
}
