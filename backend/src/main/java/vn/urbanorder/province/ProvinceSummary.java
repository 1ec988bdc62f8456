package vn.urbanorder.province;

import vn.urbanorder.ward.Province;

/** A province and how many wards it has. */
public record ProvinceSummary(Province province, int wards) {}
