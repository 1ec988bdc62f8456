package vn.urbanorder.assignment;

/**
 * A small map inside the test ward (see {@code Fixtures}): zone WEST and zone EAST side by side,
 * a strip along the ward's east edge in no zone, and segment S1 inside WEST, handled by DCXD.
 */
final class TestMap {

    /** In WEST, 330 m from the segment. */
    static final double[] IN_WEST = {21.0420, 105.8830};
    /** Also in WEST, 110 m north of IN_WEST: a separate violation location. */
    static final double[] IN_WEST_NORTH = {21.0430, 105.8830};
    /** On segment S1's line. */
    static final double[] ON_SEGMENT = {21.0450, 105.8825};
    /** In EAST. */
    static final double[] IN_EAST = {21.0450, 105.8880};
    /** Inside the ward but in no zone. */
    static final double[] IN_NO_ZONE = {21.0450, 105.8910};

    static final String WEST = """
            {"type": "Feature", "properties": {"code": "WEST", "name": "Tổ dân phố 1", "kind": "ZONE"},
             "geometry": {"type": "Polygon", "coordinates": [[[105.8790, 21.0400], [105.8850, 21.0398],
               [105.8860, 21.0505], [105.8805, 21.0510], [105.8790, 21.0400]]]}}""";
    static final String EAST = """
            {"type": "Feature", "properties": {"code": "EAST", "name": "Tổ dân phố 2", "kind": "ZONE"},
             "geometry": {"type": "Polygon", "coordinates": [[[105.8850, 21.0398], [105.8900, 21.0397],
               [105.8900, 21.0501], [105.8860, 21.0505], [105.8850, 21.0398]]]}}""";
    static final String SEGMENT = """
            {"type": "Feature", "properties": {"code": "S1", "name": "Tuyến phố thử", "kind": "SEGMENT",
               "unitCode": "DCXD", "bufferM": 15},
             "geometry": {"type": "LineString", "coordinates": [[105.8810, 21.0450], [105.8840, 21.0450]]}}""";

    static String collection(String... features) {
        return "{\"type\": \"FeatureCollection\", \"features\": [" + String.join(",", features) + "]}";
    }

    private TestMap() {}
}
