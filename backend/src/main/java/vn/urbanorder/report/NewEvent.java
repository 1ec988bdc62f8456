package vn.urbanorder.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** An event to append: what changed, who did it, and what else it carried. */
public record NewEvent(
        Instant at,
        @Nullable UUID actorId,
        String type,
        @Nullable ReportStatus fromStatus,
        @Nullable ReportStatus toStatus,
        @Nullable String note,
        String data) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public NewEvent {
        // The database keeps microseconds; hash what it keeps.
        at = at.truncatedTo(ChronoUnit.MICROS);
    }

    /** Data as canonical JSON: keys sorted, nulls left out, so equal data hashes equal. */
    public static String data(Map<String, ?> values) {
        var sorted = new TreeMap<String, Object>();
        values.forEach((key, value) -> {
            if (value != null) {
                sorted.put(key, value instanceof UUID || value instanceof Instant ? value.toString() : value);
            }
        });
        return JSON.writeValueAsString(sorted);
    }
}
