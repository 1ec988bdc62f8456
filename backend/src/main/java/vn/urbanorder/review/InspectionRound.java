package vn.urbanorder.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An inspection round (đợt kiểm tra): a period, the zones walked and the members who walk them.
 * It takes reports from its first to its last day, in the ward's calendar.
 */
public record InspectionRound(
        UUID id,
        String title,
        LocalDate startedOn,
        LocalDate endedOn,
        List<String> zoneCodes,
        List<UUID> memberIds,
        @Nullable String notes,
        UUID createdBy,
        Instant createdAt) {

    public InspectionRound {
        zoneCodes = List.copyOf(zoneCodes);
        memberIds = List.copyOf(memberIds);
    }

    /** Whether it takes reports on that day. */
    public boolean openOn(LocalDate day) {
        return !day.isBefore(startedOn) && !day.isAfter(endedOn);
    }

    /**
     * What a round found in one category: its reports (those rejected as not a violation left
     * out), the repeat points among their places, and how many of them are resolved since.
     */
    public record Found(String category, long reports, long repeatPoints, long resolved) {}
}
