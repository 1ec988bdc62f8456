package vn.urbanorder.ward;

import java.time.ZoneId;
import java.util.UUID;
import org.locationtech.jts.geom.Geometry;
import vn.urbanorder.shared.GeoJson;
import vn.urbanorder.shared.GeoPoint;

/**
 * A ward (phường/xã): the tenant every record belongs to.
 *
 * @param timeZone the zone its local days and months follow
 * @param serviceArea the area it serves, as a WGS84 polygon or multipolygon
 */
public record Ward(UUID id, String code, String name, ZoneId timeZone, Geometry serviceArea) {

    /** Whether a point lies inside the ward's service area, its boundary included. */
    public boolean serves(GeoPoint point) {
        return serviceArea.covers(GeoJson.point(point));
    }
}
