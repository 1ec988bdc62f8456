package vn.urbanorder.report;

/** Something a reviewer should know about a report. */
public enum ReportFlag {
    /** The phone's position was less accurate than the configured limit (50 m). */
    LOW_ACCURACY,
    /** A photo was taken far (over 150 m) from the report's point. */
    PHOTO_LOCATION_MISMATCH,
    /** Reported where an earlier report of the same category was cleared before this one was observed (tái phạm). */
    REPEAT_OFFENCE,
    /** An inspector asked the ward admin to look at it (a FOLLOW_UP review). */
    FOLLOW_UP
}
