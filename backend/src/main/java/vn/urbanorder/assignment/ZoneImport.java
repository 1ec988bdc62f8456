package vn.urbanorder.assignment;

import java.time.Instant;

/** The outcome of an import: how many zones and segments the ward now has, and since when. */
public record ZoneImport(int zones, int segments, Instant validFrom) {}
