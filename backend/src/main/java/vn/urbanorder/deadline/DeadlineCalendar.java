package vn.urbanorder.deadline;

/** How deadline hours count: on working days only (the default), or every hour of the calendar. */
public enum DeadlineCalendar {
    WORKING_DAYS,
    CALENDAR_HOURS
}
