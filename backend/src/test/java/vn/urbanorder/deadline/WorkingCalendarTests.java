package vn.urbanorder.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingCalendarTests {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    static final WorkingCalendar WORKING_DAYS = new WorkingCalendar(HANOI, Set.of(), false);

    @Test
    void aDayOfHoursFromFridayAfternoonEndsOnMondayAfternoon() {
        // 2026-11-20 is a Friday.
        assertThat(WORKING_DAYS.due(local("2026-11-20T16:00"), Duration.ofHours(24)))
                .isEqualTo(local("2026-11-23T16:00"));
    }

    @Test
    void hoursWithinOneWorkingDayStayOnIt() {
        assertThat(WORKING_DAYS.due(local("2026-11-18T09:00"), Duration.ofHours(5)))
                .isEqualTo(local("2026-11-18T14:00"));
    }

    @Test
    void aWeekendStartBeginsCountingOnMonday() {
        assertThat(WORKING_DAYS.due(local("2026-11-21T10:00"), Duration.ofHours(24)))
                .isEqualTo(local("2026-11-24T00:00"));
    }

    @Test
    void longDeadlinesSkipEveryWeekend() {
        // 120 hours = five working days: Monday 08:00 to the next Monday 08:00.
        assertThat(WORKING_DAYS.due(local("2026-11-16T08:00"), Duration.ofHours(120)))
                .isEqualTo(local("2026-11-23T08:00"));
    }

    @Test
    void publicHolidaysAreSkippedLikeWeekends() {
        // Tết 2026: the offices close from Saturday 14 to Sunday 22 February.
        Set<LocalDate> tet = Set.of(
                LocalDate.parse("2026-02-16"),
                LocalDate.parse("2026-02-17"),
                LocalDate.parse("2026-02-18"),
                LocalDate.parse("2026-02-19"),
                LocalDate.parse("2026-02-20"));
        var calendar = new WorkingCalendar(HANOI, tet, false);
        assertThat(calendar.due(local("2026-02-13T16:00"), Duration.ofHours(24)))
                .isEqualTo(local("2026-02-23T16:00"));
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-17"))).isFalse();
    }

    @Test
    void calendarHoursCountEveryHour() {
        var calendar = new WorkingCalendar(HANOI, Set.of(), true);
        assertThat(calendar.due(local("2026-11-20T16:00"), Duration.ofHours(24)))
                .isEqualTo(local("2026-11-21T16:00"));
    }

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(HANOI).toInstant();
    }
}
