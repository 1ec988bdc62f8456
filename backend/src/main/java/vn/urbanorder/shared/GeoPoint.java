package vn.urbanorder.shared;

/**
 * A WGS84 position in decimal degrees.
 *
 * @param lat latitude, -90 to 90
 * @param lon longitude, -180 to 180
 */
public record GeoPoint(double lat, double lon) {

    public GeoPoint {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("Not a WGS84 position: " + lat + ", " + lon);
        }
    }
}
