package vn.urbanorder.report;

/** The orders a list of reports can come in. */
public enum ReportSort {
    /** Newest observation first (the default). */
    OBSERVED_AT,
    /** Soonest deadline first, reports without one last: a unit's work queue. */
    DUE_AT,
    /**
     * The inspectors' review queue, which this order also narrows to: RESOLVED reports awaiting
     * verification and repeat offences not yet closed, longest waiting first (since their
     * resolution, or since they were observed).
     */
    REVIEW_QUEUE
}
