package vn.urbanorder.report;

/** The outcome of a submission: the report, and whether this submission created it or repeated it. */
public record Intake(Report report, boolean created) {}
