package vn.urbanorder.shared;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads RFC 7946 GeoJSON geometries (Point, LineString, Polygon, MultiPolygon) into JTS, with x
 * as longitude and y as latitude, and refuses anything that is not a valid WGS84 geometry.
 */
public final class GeoJson {

    /** SRID 4326: WGS84. */
    public static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GeoJson() {}

    public static Geometry read(String geoJson) {
        try {
            return read(JSON.readTree(geoJson));
        } catch (JacksonException e) {
            throw new InvalidGeometryException("không phải JSON hợp lệ");
        }
    }

    public static Geometry read(JsonNode node) {
        String type = node.path("type").asString("");
        JsonNode coordinates = node.path("coordinates");
        Geometry geometry =
                switch (type) {
                    case "Point" -> WGS84.createPoint(position(coordinates));
                    case "LineString" -> lineString(coordinates);
                    case "Polygon" -> polygon(coordinates);
                    case "MultiPolygon" -> WGS84.createMultiPolygon(polygons(coordinates));
                    default -> throw new InvalidGeometryException("kiểu hình học '" + type + "' không được hỗ trợ");
                };
        IsValidOp validity = new IsValidOp(geometry);
        if (!validity.isValid()) {
            throw new InvalidGeometryException(
                    "hình học không hợp lệ: " + validity.getValidationError().getMessage());
        }
        return geometry;
    }

    public static Point point(GeoPoint point) {
        return WGS84.createPoint(new Coordinate(point.lon(), point.lat()));
    }

    private static LineString lineString(JsonNode coordinates) {
        Coordinate[] positions = positions(coordinates);
        if (positions.length < 2) {
            throw new InvalidGeometryException("đường cần ít nhất 2 điểm");
        }
        return WGS84.createLineString(positions);
    }

    private static Polygon[] polygons(JsonNode coordinates) {
        requireArray(coordinates);
        List<Polygon> polygons = new ArrayList<>();
        coordinates.forEach(polygon -> polygons.add(polygon(polygon)));
        return polygons.toArray(Polygon[]::new);
    }

    private static Polygon polygon(JsonNode rings) {
        requireArray(rings);
        if (rings.isEmpty()) {
            throw new InvalidGeometryException("vùng không có đường biên");
        }
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return WGS84.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode coordinates) {
        Coordinate[] positions = positions(coordinates);
        if (positions.length < 4 || !positions[0].equals2D(positions[positions.length - 1])) {
            throw new InvalidGeometryException("đường biên phải khép kín và có ít nhất 4 điểm");
        }
        return WGS84.createLinearRing(positions);
    }

    private static Coordinate[] positions(JsonNode coordinates) {
        requireArray(coordinates);
        Coordinate[] positions = new Coordinate[coordinates.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = position(coordinates.get(i));
        }
        return positions;
    }

    private static Coordinate position(JsonNode position) {
        if (!position.isArray()
                || position.size() < 2
                || !position.get(0).isNumber()
                || !position.get(1).isNumber()) {
            throw new InvalidGeometryException("toạ độ phải là [kinh độ, vĩ độ]");
        }
        double lon = position.get(0).asDouble();
        double lat = position.get(1).asDouble();
        if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            throw new InvalidGeometryException("toạ độ [" + lon + ", " + lat + "] nằm ngoài phạm vi WGS84");
        }
        return new Coordinate(lon, lat);
    }

    private static void requireArray(JsonNode node) {
        if (!node.isArray()) {
            throw new InvalidGeometryException("thiếu mảng toạ độ");
        }
    }

    /** The GeoJSON is not a geometry this service accepts; the message says why, in Vietnamese. */
    public static class InvalidGeometryException extends IllegalArgumentException {

        public InvalidGeometryException(String reason) {
            super(reason);
        }
    }
}
