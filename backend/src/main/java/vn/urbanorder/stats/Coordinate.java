package vn.urbanorder.stats;

/** A latitude or longitude in an export table: shown to six decimals, written in full. */
record Coordinate(double degrees) {}
