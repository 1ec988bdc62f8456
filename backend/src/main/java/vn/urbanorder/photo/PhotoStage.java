package vn.urbanorder.photo;

/** When a photo was taken for the report: by the officer at intake, by the unit as its "after" photo, or by an inspector. */
public enum PhotoStage {
    REPORT,
    RESOLUTION,
    REVIEW
}
