package vn.urbanorder.stats;

import java.util.List;
import vn.urbanorder.ward.Province;

/**
 * A period of a province that the caller may read figures for: the period as the province names
 * it, and each of its wards (by code) with the same days read in the ward's own time zone.
 */
public record ProvinceScope(Province province, StatsPeriod period, List<StatsScope> wards) {

    public ProvinceScope {
        wards = List.copyOf(wards);
    }
}
