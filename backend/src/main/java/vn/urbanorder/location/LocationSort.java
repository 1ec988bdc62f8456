package vn.urbanorder.location;

/** The orders locations are listed in, each newest or largest first, then by id. */
public enum LocationSort {
    LAST_SEEN_AT,
    REPEAT_COUNT
}
