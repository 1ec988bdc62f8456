package vn.urbanorder.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Polygon;

class GeoJsonTests {

    @Test
    void readsAPolygonWithLongitudeAsX() {
        var polygon = GeoJson.read(
                "{\"type\":\"Polygon\",\"coordinates\":[[[105.88,21.04],[105.89,21.04],[105.89,21.05],[105.88,21.04]]]}");

        assertThat(polygon).isInstanceOf(Polygon.class);
        assertThat(polygon.getCoordinates()[0].x).isEqualTo(105.88);
        assertThat(polygon.covers(GeoJson.point(new GeoPoint(21.041, 105.888)))).isTrue();
    }

    @Test
    void refusesASelfIntersectingPolygon() {
        String bowTie = "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}";

        assertThatThrownBy(() -> GeoJson.read(bowTie))
                .isInstanceOf(GeoJson.InvalidGeometryException.class)
                .hasMessageStartingWith("hình học không hợp lệ");
    }

    @Test
    void refusesAnUnclosedRing() {
        assertThatThrownBy(() -> GeoJson.read("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}"))
                .isInstanceOf(GeoJson.InvalidGeometryException.class);
    }

    @Test
    void refusesCoordinatesOutsideWgs84() {
        assertThatThrownBy(() -> GeoJson.read("{\"type\":\"Point\",\"coordinates\":[200,21]}"))
                .hasMessageContaining("ngoài phạm vi WGS84");
    }

    @Test
    void refusesWhatIsNotJsonOrNotAGeometry() {
        assertThatThrownBy(() -> GeoJson.read("{not json")).isInstanceOf(GeoJson.InvalidGeometryException.class);
        assertThatThrownBy(() -> GeoJson.read("{\"type\":\"Feature\"}"))
                .isInstanceOf(GeoJson.InvalidGeometryException.class);
    }
}
