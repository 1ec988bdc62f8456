package vn.urbanorder.assignment;

/** A zone is an area (tổ dân phố); a segment is a street line with a buffer (tuyến khoán quản). */
public enum ZoneKind {
    ZONE,
    SEGMENT
}
