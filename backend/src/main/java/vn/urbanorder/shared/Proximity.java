package vn.urbanorder.shared;

import org.jspecify.annotations.Nullable;

/**
 * "Within so many metres" in SQL on plain PostgreSQL: a bounding box a GiST index on a
 * {@code point(lon, lat)} column answers, then the exact great-circle distance, on the same sphere
 * as {@link GeoPoint#distanceTo}.
 */
public final class Proximity {

    private static final double EARTH_RADIUS_M = 6_371_008.8;
    /** Widened by 1% so the box never cuts the circle. */
    private static final double METRES_PER_DEGREE = EARTH_RADIUS_M * Math.PI / 180 / 1.01;

    private Proximity() {}

    /** The box around the point that holds every position within the radius. */
    public static Box around(GeoPoint point, double radiusM) {
        double latSpan = radiusM / METRES_PER_DEGREE;
        double lonSpan = radiusM / (METRES_PER_DEGREE * Math.max(0.01, Math.cos(Math.toRadians(point.lat()))));
        return new Box(point.lon() - lonSpan, point.lat() - latSpan, point.lon() + lonSpan, point.lat() + latSpan);
    }

    /**
     * The distance in metres from the row's {@code lat} and {@code lon} columns (with that table
     * prefix) to the point bound as {@code :lat} and {@code :lon}.
     */
    public static String haversineSql(String table) {
        return EARTH_RADIUS_M + " * 2 * asin(sqrt(power(sin(radians(" + table + ".lat - :lat) / 2), 2)"
                + " + cos(radians(:lat)) * cos(radians(" + table + ".lat)) * power(sin(radians(" + table
                + ".lon - :lon) / 2), 2)))";
    }

    /** A box in degrees; in SQL {@code box(point(:minLon, :minLat), point(:maxLon, :maxLat))}. */
    public record Box(double minLon, double minLat, double maxLon, double maxLat) {

        /** A {@code bbox} parameter, {@code minLon,minLat,maxLon,maxLat}; null for none, a 422 on {@code bbox} if malformed. */
        public static @Nullable Box parse(@Nullable String bbox) {
            if (bbox == null || bbox.isBlank()) {
                return null;
            }
            try {
                String[] parts = bbox.split(",");
                double[] box = new double[4];
                for (int i = 0; i < 4; i++) {
                    box[i] = Double.parseDouble(parts[i].strip());
                }
                boolean valid = parts.length == 4
                        && box[0] >= -180
                        && box[2] <= 180
                        && box[1] >= -90
                        && box[3] <= 90
                        && box[0] <= box[2]
                        && box[1] <= box[3];
                if (valid) {
                    return new Box(box[0], box[1], box[2], box[3]);
                }
            } catch (RuntimeException malformed) {
                // fall through to the problem below
            }
            throw InvalidRequestException.of("bbox", "phải có dạng minLon,minLat,maxLon,maxLat");
        }

        public double[] toArray() {
            return new double[] {minLon, minLat, maxLon, maxLat};
        }
    }
}
