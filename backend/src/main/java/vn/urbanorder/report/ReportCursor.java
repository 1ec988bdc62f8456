package vn.urbanorder.report;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import vn.urbanorder.shared.InvalidRequestException;

/** A position in the stable order of reports (observation time, then id, newest first). */
public record ReportCursor(Instant observedAt, UUID id) {

    public String encode() {
        String plain = observedAt + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Null for none; a 422 on the {@code cursor} field for anything not made by {@link #encode()}. */
    public static ReportCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            return new ReportCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw InvalidRequestException.of("cursor", "không phải con trỏ trang hợp lệ");
        }
    }
}
