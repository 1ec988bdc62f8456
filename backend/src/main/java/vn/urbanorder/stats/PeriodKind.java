package vn.urbanorder.stats;

/** What a period is: a calendar month, quarter, half year or year, or any other run of days. */
public enum PeriodKind {
    MONTH,
    QUARTER,
    HALF_YEAR,
    YEAR,
    DAYS
}
