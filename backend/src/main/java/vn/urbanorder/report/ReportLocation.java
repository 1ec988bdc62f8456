package vn.urbanorder.report;

import org.jspecify.annotations.Nullable;
import vn.urbanorder.shared.GeoPoint;

/** Where a violation is, and how sure the phone was (metres, if it said). */
public record ReportLocation(GeoPoint point, @Nullable Double accuracyM) {}
