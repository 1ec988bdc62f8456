package vn.urbanorder.report;

/** The orders a list of reports can come in. */
public enum ReportSort {
    /** Newest observation first (the default). */
    OBSERVED_AT,
    /** Soonest deadline first, reports without one last: a unit's work queue. */
    DUE_AT
}
