package vn.urbanorder.report;

/** What can be done to a report once it is recorded. */
public enum ReportAction {
    ACCEPT,
    RESOLVE,
    VERIFY,
    REOPEN,
    REJECT,
    REASSIGN,
    /** A report taken for a duplicate is its own violation after all: it goes to assignment. */
    UNDUPLICATE
}
