package vn.urbanorder.deadline;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A ward's deadline rules.
 *
 * @param hours the hours each category gets, the category's default where the ward set none
 * @param holidays the public holidays, by day
 */
public record DeadlinePolicy(DeadlineCalendar calendar, Map<String, Integer> hours, List<Holiday> holidays) {

    public DeadlinePolicy {
        hours = Map.copyOf(hours);
        holidays = List.copyOf(holidays);
    }

    /** When a report of this category, assigned at that moment, falls due; null for an unknown category. */
    public @Nullable Instant due(String category, Instant assignedAt, ZoneId zone) {
        return due(category, assignedAt, zone, 1);
    }

    /** The same, with the hours multiplied by the factor, to the minute and at least one. */
    public @Nullable Instant due(String category, Instant assignedAt, ZoneId zone, double factor) {
        Integer categoryHours = hours.get(category);
        if (categoryHours == null) {
            return null;
        }
        var working = new WorkingCalendar(
                zone,
                holidays.stream().map(Holiday::day).collect(Collectors.toSet()),
                calendar == DeadlineCalendar.CALENDAR_HOURS);
        return working.due(assignedAt, Duration.ofMinutes(Math.max(1, Math.round(categoryHours * 60 * factor))));
    }
}
