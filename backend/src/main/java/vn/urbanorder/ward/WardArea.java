package vn.urbanorder.ward;

import java.time.Instant;
import org.locationtech.jts.geom.Geometry;

/** A ward's service area from a moment on: a WGS84 polygon or multipolygon. */
public record WardArea(Instant validFrom, Geometry area) {}
