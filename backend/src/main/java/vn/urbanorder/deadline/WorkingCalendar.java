package vn.urbanorder.deadline;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Counts deadline hours the way Vietnamese offices do: only on working days, Monday to Friday and
 * not a public holiday, each counted whole (midnight to midnight in the ward's time zone). A
 * 24-hour deadline set at 16:00 on a Friday falls due at 16:00 on the Monday. With calendar hours,
 * every hour counts.
 */
public final class WorkingCalendar {

    /** No deadline runs longer than this many days of searching for working time. */
    private static final int MAX_DAYS = 3660;

    private final ZoneId zone;
    private final Set<LocalDate> holidays;
    private final boolean calendarHours;

    public WorkingCalendar(ZoneId zone, Set<LocalDate> holidays, boolean calendarHours) {
        this.zone = zone;
        this.holidays = Set.copyOf(holidays);
        this.calendarHours = calendarHours;
    }

    public Instant due(Instant start, Duration hours) {
        if (calendarHours) {
            return start.plus(hours);
        }
        ZonedDateTime at = start.atZone(zone);
        Duration remaining = hours;
        for (int day = 0; day < MAX_DAYS; day++) {
            LocalDate date = at.toLocalDate();
            ZonedDateTime nextDay = date.plusDays(1).atStartOfDay(zone);
            if (isWorkingDay(date)) {
                Duration available = Duration.between(at, nextDay);
                if (remaining.compareTo(available) <= 0) {
                    return at.plus(remaining).toInstant();
                }
                remaining = remaining.minus(available);
            }
            at = nextDay;
        }
        throw new IllegalStateException("No working time within " + MAX_DAYS + " days of " + start);
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
    }
}
