package vn.urbanorder.report;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import vn.urbanorder.shared.Sha256;

/**
 * The hash chain of a report's events: each event's hash covers its content and the hash of the
 * event before it, so changing, removing or reordering any event shows at the first one touched.
 */
final class EventChain {

    private EventChain() {}

    /** The form events are hashed in now; see {@link #canonical}. */
    static final int VERSION = 2;

    static String hash(UUID reportId, int seq, @Nullable String prevHash, NewEvent event) {
        return hash(
                VERSION,
                reportId,
                seq,
                prevHash,
                event.at().toString(),
                event.actorId(),
                event.type(),
                event.fromStatus() == null ? null : event.fromStatus().name(),
                event.toStatus() == null ? null : event.toStatus().name(),
                event.note(),
                event.data());
    }

    private static String hash(
            int version,
            UUID reportId,
            int seq,
            @Nullable String prevHash,
            String at,
            @Nullable UUID actorId,
            String type,
            @Nullable String fromStatus,
            @Nullable String toStatus,
            @Nullable String note,
            String data) {
        @Nullable
        String[] fields = {
            reportId.toString(),
            Integer.toString(seq),
            prevHash,
            at,
            actorId == null ? null : actorId.toString(),
            type,
            fromStatus,
            toStatus,
            note,
            data
        };
        return Sha256.hex(canonical(version, fields));
    }

    /**
     * Version 2: each field as its length and text, a null as "-", so no field's text can pass for
     * another's. Version 1, the events written before it: the fields joined by U+001F, a null as
     * empty.
     */
    private static String canonical(int version, @Nullable String[] fields) {
        if (version == 1) {
            var joined = new StringBuilder("v1");
            for (@Nullable String field : fields) {
                joined.append('\u001f').append(Objects.toString(field, ""));
            }
            return joined.toString();
        }
        var canonical = new StringBuilder("v2");
        for (@Nullable String field : fields) {
            canonical.append('|').append(field == null ? "-" : field.length() + ":" + field);
        }
        return canonical.toString();
    }

    /**
     * The first event whose link or hash does not hold, or null when the whole chain holds and is
     * as long as the report row says and ends at its status.
     */
    static @Nullable Break check(List<ReportEvent> events, int expectedCount, ReportStatus status) {
        String previous = null;
        for (int i = 0; i < events.size(); i++) {
            ReportEvent event = events.get(i);
            if (event.seq() != i + 1) {
                return new Break(i + 1, "thiếu sự kiện số " + (i + 1));
            }
            if (!Objects.equals(event.prevHash(), previous)) {
                return new Break(event.seq(), "không nối với sự kiện trước");
            }
            String expected = hash(
                    event.hashVersion(),
                    event.reportId(),
                    event.seq(),
                    event.prevHash(),
                    event.at().toString(),
                    event.actorId(),
                    event.type(),
                    event.fromStatus(),
                    event.toStatus(),
                    event.note(),
                    event.data());
            if (!expected.equals(event.hash())) {
                return new Break(event.seq(), "nội dung đã bị sửa sau khi ghi");
            }
            previous = event.hash();
        }
        if (events.size() < expectedCount) {
            return new Break(events.size() + 1, "thiếu sự kiện số " + (events.size() + 1) + " ở cuối");
        }
        if (events.size() > expectedCount) {
            return new Break(expectedCount + 1, "có sự kiện không được ghi nhận với phản ánh");
        }
        if (!events.isEmpty()
                && !status.name().equals(events.get(events.size() - 1).toStatus())) {
            return new Break(events.size(), "không khớp trạng thái hiện tại của phản ánh");
        }
        return null;
    }

    /** Where the chain breaks, and how. */
    record Break(int seq, String reason) {}
}
