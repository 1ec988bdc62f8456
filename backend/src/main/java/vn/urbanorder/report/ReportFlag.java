package vn.urbanorder.report;

/** Something a reviewer should know about a report. */
public enum ReportFlag {
    /** The phone's position was less accurate than the configured limit (50 m). */
    LOW_ACCURACY,
    /** A photo was taken far (over 150 m) from the report's point. */
    PHOTO_LOCATION_MISMATCH
}
