package vn.urbanorder.ward;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.urbanorder.shared.GeoJson;
import vn.urbanorder.shared.GeoPoint;

class WardTests {

    private static final Instant MOVED = Instant.parse("2026-12-31T17:00:00Z");

    /** West of 105.88 until the boundary moved, east of it since. */
    private static final Ward WARD = new Ward(
            UUID.randomUUID(),
            UUID.randomUUID(),
            "GT",
            "Phường Gia Thụy",
            ZoneId.of("Asia/Ho_Chi_Minh"),
            List.of(
                    new WardArea(MOVED, square(105.88, 105.89)),
                    new WardArea(Instant.parse("2025-06-30T17:00:00Z"), square(105.87, 105.88))));

    private static final GeoPoint WEST = new GeoPoint(21.045, 105.875);
    private static final GeoPoint EAST = new GeoPoint(21.045, 105.885);

    @Test
    void aPointIsServedByTheAreaInForceWhenItWasSeen() {
        assertThat(WARD.serves(WEST, MOVED.minusSeconds(1))).isTrue();
        assertThat(WARD.serves(EAST, MOVED.minusSeconds(1))).isFalse();
        assertThat(WARD.serves(WEST, MOVED)).isFalse();
        assertThat(WARD.serves(EAST, MOVED)).isTrue();
    }

    @Test
    void beforeItsFirstAreaTheWardHadThatArea() {
        assertThat(WARD.serves(WEST, Instant.parse("2020-01-01T00:00:00Z"))).isTrue();
    }

    @Test
    void theNewestAreaIsTheServiceAreaWhetherOrNotInForceYet() {
        assertThat(WARD.serviceArea().covers(GeoJson.point(EAST))).isTrue();
        assertThat(WARD.areas()).extracting(WardArea::validFrom).isSorted();
    }

    private static org.locationtech.jts.geom.Geometry square(double west, double east) {
        return GeoJson.read("{\"type\":\"Polygon\",\"coordinates\":[[[" + west + ",21.04],[" + east + ",21.04],[" + east
                + ",21.05],[" + west + ",21.05],[" + west + ",21.04]]]}");
    }
}
