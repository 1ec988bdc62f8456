package vn.urbanorder.assignment;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.util.GeometryTransformer;

/**
 * An equirectangular projection around a ward's centre, in metres. Across a ward (a few
 * kilometres) it is accurate to well under a metre, which lets segment buffers be given in metres
 * and point lookups stay plain planar geometry.
 */
final class LocalMetres {

    private static final double METRES_PER_DEGREE = 6_371_008.8 * Math.PI / 180;
    private static final GeometryFactory PLANE = new GeometryFactory();

    private final double originLon;
    private final double originLat;
    private final double metresPerDegreeLon;

    LocalMetres(double originLat, double originLon) {
        this.originLat = originLat;
        this.originLon = originLon;
        this.metresPerDegreeLon = METRES_PER_DEGREE * Math.cos(Math.toRadians(originLat));
    }

    Point point(double lat, double lon) {
        return PLANE.createPoint(
                new Coordinate((lon - originLon) * metresPerDegreeLon, (lat - originLat) * METRES_PER_DEGREE));
    }

    Geometry project(Geometry wgs84) {
        return new GeometryTransformer() {
            @Override
            protected org.locationtech.jts.geom.CoordinateSequence transformCoordinates(
                    org.locationtech.jts.geom.CoordinateSequence coordinates, Geometry parent) {
                Coordinate[] projected = new Coordinate[coordinates.size()];
                for (int i = 0; i < projected.length; i++) {
                    projected[i] = new Coordinate(
                            (coordinates.getX(i) - originLon) * metresPerDegreeLon,
                            (coordinates.getY(i) - originLat) * METRES_PER_DEGREE);
                }
                return PLANE.getCoordinateSequenceFactory().create(projected);
            }
        }.transform(wgs84);
    }
}
