package vn.urbanorder.report;

/** What can be done to a report once it is recorded. */
public enum ReportAction {
    ACCEPT,
    RESOLVE,
    VERIFY,
    REOPEN,
    REJECT,
    REASSIGN
}
