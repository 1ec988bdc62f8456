package vn.urbanorder.ward;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.locationtech.jts.geom.Geometry;
import vn.urbanorder.shared.GeoJson;
import vn.urbanorder.shared.GeoPoint;

/**
 * A ward (phường/xã): the tenant every record belongs to, in the province that runs it.
 *
 * @param timeZone the zone its local days and months follow
 * @param areas its service areas, oldest first (at least one): each holds from its start until the
 *     next one's
 */
public record Ward(UUID id, UUID provinceId, String code, String name, ZoneId timeZone, List<WardArea> areas) {

    public Ward {
        if (areas.isEmpty()) {
            throw new IllegalArgumentException("A ward has a service area");
        }
        areas = areas.stream().sorted(Comparator.comparing(WardArea::validFrom)).toList();
    }

    /** The newest service area, whether or not it is in force yet. */
    public Geometry serviceArea() {
        return areas.get(areas.size() - 1).area();
    }

    /**
     * The service area in force at a moment: the last one started by then, or the first one for a
     * moment before any started (the ward was there before its area was recorded).
     */
    public WardArea areaAt(Instant at) {
        WardArea inForce = areas.get(0);
        for (WardArea area : areas) {
            if (!area.validFrom().isAfter(at)) {
                inForce = area;
            }
        }
        return inForce;
    }

    /** Whether a point lies inside the area in force at a moment, its boundary included. */
    public boolean serves(GeoPoint point, Instant at) {
        return areaAt(at).area().covers(GeoJson.point(point));
    }
}
