package vn.urbanorder.report;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.urbanorder.shared.CalendarBounds;
import vn.urbanorder.shared.InvalidRequestException;

/**
 * A position in a stable order of reports: the sort, the sort key of the last report of the page
 * (its observation time, or its deadline, null for none) and its id.
 */
public record ReportCursor(ReportSort sort, @Nullable Instant at, UUID id) {

    public String encode() {
        String plain = sort.name() + "|" + (at == null ? "-" : at.toString()) + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Null for none; a 422 on the {@code cursor} field for anything not made by {@link #encode()}
     * for this sort. Cursors made before sorts existed ({@code time|id}) still read as the default sort.
     */
    public static @Nullable ReportCursor decode(@Nullable String cursor, ReportSort sort) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        ReportCursor decoded;
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            decoded = parts.length == 2
                    ? new ReportCursor(ReportSort.OBSERVED_AT, Instant.parse(parts[0]), UUID.fromString(parts[1]))
                    : new ReportCursor(
                            ReportSort.valueOf(parts[0]),
                            parts[1].equals("-") ? null : Instant.parse(parts[1]),
                            UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw InvalidRequestException.of("cursor", "không phải con trỏ trang hợp lệ");
        }
        if (decoded.at() != null && !CalendarBounds.contains(decoded.at())) {
            throw InvalidRequestException.of("cursor", "không phải con trỏ trang hợp lệ");
        }
        if (decoded.sort() != sort || (sort == ReportSort.OBSERVED_AT && decoded.at() == null)) {
            throw InvalidRequestException.of("cursor", "con trỏ trang thuộc một cách sắp xếp khác");
        }
        return decoded;
    }
}
