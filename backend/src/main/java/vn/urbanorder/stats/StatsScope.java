package vn.urbanorder.stats;

import vn.urbanorder.ward.Ward;

/** A period of one ward that the caller may read figures for. */
public record StatsScope(Ward ward, StatsPeriod period) {}
