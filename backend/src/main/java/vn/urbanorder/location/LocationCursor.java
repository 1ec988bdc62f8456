package vn.urbanorder.location;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.urbanorder.shared.CalendarBounds;
import vn.urbanorder.shared.InvalidRequestException;

/** A position in a list of locations: the sort, the last location's sort key, and its id. */
public record LocationCursor(LocationSort sort, String key, UUID id) {

    static LocationCursor after(LocationSort sort, ViolationLocation last) {
        String key = sort == LocationSort.REPEAT_COUNT
                ? Integer.toString(last.repeatCount())
                : Objects.requireNonNull(last.lastSeenAt(), "a location has reports, so it was seen")
                        .toString();
        return new LocationCursor(sort, key, last.id());
    }

    Instant lastSeenAt() {
        return Instant.parse(key);
    }

    int repeatCount() {
        return Integer.parseInt(key);
    }

    public String encode() {
        String plain = sort.name() + "|" + key + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Null for none; a 422 on {@code cursor} for anything not made by {@link #encode()} for this sort. */
    public static @Nullable LocationCursor decode(@Nullable String cursor, LocationSort sort) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            var decoded = new LocationCursor(LocationSort.valueOf(parts[0]), parts[1], UUID.fromString(parts[2]));
            if (decoded.sort() == sort) {
                // Parse the key now, so a forged one is refused here and not in the query.
                if (sort == LocationSort.REPEAT_COUNT) {
                    decoded.repeatCount();
                } else if (!CalendarBounds.contains(decoded.lastSeenAt())) {
                    throw InvalidRequestException.of("cursor", "không phải con trỏ trang hợp lệ");
                }
                return decoded;
            }
        } catch (RuntimeException e) {
            throw InvalidRequestException.of("cursor", "không phải con trỏ trang hợp lệ");
        }
        throw InvalidRequestException.of("cursor", "con trỏ trang thuộc một cách sắp xếp khác");
    }
}
