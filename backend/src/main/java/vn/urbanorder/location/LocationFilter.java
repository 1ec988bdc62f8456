package vn.urbanorder.location;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.urbanorder.shared.Proximity;

/**
 * What a list of locations is narrowed to; null fields do not narrow.
 *
 * @param repeat true for only repeat points, false for only the others
 * @param from only locations with a report observed at or after this time
 * @param to only locations with a report observed before this time
 * @param bbox only locations whose anchor lies in this box
 */
public record LocationFilter(
        @Nullable Boolean repeat,
        @Nullable String category,
        @Nullable UUID zoneId,
        @Nullable Instant from,
        @Nullable Instant to,
        Proximity.@Nullable Box bbox,
        LocationSort sort,
        @Nullable LocationCursor cursor,
        int limit) {

    public LocationFilter {
        sort = sort == null ? LocationSort.LAST_SEEN_AT : sort;
    }
}
