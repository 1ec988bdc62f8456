package vn.urbanorder.province;

import vn.urbanorder.ward.Ward;
import vn.urbanorder.ward.WardArea;

/** A ward of the province with the service area in force at the moment asked for. */
public record ProvinceWard(Ward ward, WardArea area, int activeAdmins) {}
