package vn.urbanorder.assignment;

import java.time.Instant;

/** The outcome of an import: the map's new version, how many zones and segments the ward now has, and since when. */
public record ZoneImport(long version, int zones, int segments, Instant validFrom) {}
