package vn.urbanorder.review;

/** What an inspector finds. */
public enum Verdict {
    /** The report was really resolved: a RESOLVED report becomes VERIFIED. */
    CONFIRMED,
    /** It was not: a RESOLVED or VERIFIED report goes back to its unit, REOPENED with a new deadline. */
    DISPUTED,
    /** Something the ward admin must look at, on a report in any status; it changes no status. */
    FOLLOW_UP
}
