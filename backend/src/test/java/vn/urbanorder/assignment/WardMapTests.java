package vn.urbanorder.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.urbanorder.shared.GeoPoint;

/** The order in which rules win, on the test map, without a database. */
class WardMapTests {

    static final GeoPoint ON_SEGMENT = new GeoPoint(TestMap.ON_SEGMENT[0], TestMap.ON_SEGMENT[1]);
    static final GeoPoint IN_NO_ZONE = new GeoPoint(TestMap.IN_NO_ZONE[0], TestMap.IN_NO_ZONE[1]);

    final List<Unit> units = List.of(
            unit("SEG_CAT"), unit("SEG"), unit("ZONE_CAT"), unit("ZONE"), unit("CAT"), unit("DEFAULT"), unit("OWN"));
    final List<AssignmentRule> everyLevel = List.of(
            new AssignmentRule(null, "S1", "SANITATION", "SEG_CAT"),
            new AssignmentRule(null, "S1", null, "SEG"),
            new AssignmentRule("WEST", null, "SANITATION", "ZONE_CAT"),
            new AssignmentRule("WEST", null, null, "ZONE"),
            new AssignmentRule(null, null, "SANITATION", "CAT"),
            new AssignmentRule(null, null, null, "DEFAULT"));

    @Test
    void eachLevelWinsOverTheLessSpecificOnes() {
        List<AssignmentRule> rules = new ArrayList<>(everyLevel);
        List<String> winners = new ArrayList<>();
        while (!rules.isEmpty()) {
            Assignment decided = map(rules, null).decide("SANITATION", ON_SEGMENT);
            winners.add(decided.unit().code() + ":" + decided.rule());
            rules.remove(0);
        }
        assertThat(winners)
                .containsExactly(
                        "SEG_CAT:SEGMENT_CATEGORY",
                        "SEG:SEGMENT",
                        "ZONE_CAT:ZONE_CATEGORY",
                        "ZONE:ZONE",
                        "CAT:CATEGORY",
                        "DEFAULT:WARD_DEFAULT");
    }

    @Test
    void aSegmentsOwnUnitCountsAsItsRuleAndBeatsZoneRules() {
        List<AssignmentRule> zoneAndBelow = everyLevel.subList(2, everyLevel.size());
        Assignment decided = map(zoneAndBelow, "OWN").decide("SANITATION", ON_SEGMENT);
        assertThat(decided.unit().code()).isEqualTo("OWN");
        assertThat(decided.rule()).isEqualTo(RuleLevel.SEGMENT);
    }

    @Test
    void anotherCategorySkipsTheCategoryRules() {
        Assignment decided = map(List.of(everyLevel.get(0), everyLevel.get(4), everyLevel.get(5)), null)
                .decide("CONSTRUCTION", ON_SEGMENT);
        assertThat(decided.unit().code()).isEqualTo("DEFAULT");
    }

    @Test
    void outsideEveryZoneNothingIsAssignedWhateverTheRules() {
        Assignment decided = map(everyLevel, null).decide("SANITATION", IN_NO_ZONE);
        assertThat(decided.assigned()).isFalse();
        assertThat(decided.zone()).isNull();
    }

    @Test
    void theSegmentBufferIsMetresFromTheLine() {
        WardMap map = map(List.of(), "OWN");
        // S1 runs along latitude 21.0450 with a 15 m buffer: 1 m of latitude is about 9e-6 degrees.
        assertThat(map.decide("SANITATION", new GeoPoint(21.0450 + 14 * 9.0e-6, 105.8825))
                        .segment())
                .isNotNull();
        assertThat(map.decide("SANITATION", new GeoPoint(21.0450 + 16 * 9.0e-6, 105.8825))
                        .segment())
                .isNull();
    }

    private WardMap map(List<AssignmentRule> rules, String segmentUnit) {
        var zones = List.of(
                zone("WEST", ZoneKind.ZONE, null, null, polygonOf(TestMap.WEST)),
                zone("EAST", ZoneKind.ZONE, null, null, polygonOf(TestMap.EAST)),
                zone("S1", ZoneKind.SEGMENT, segmentUnit, 15.0, polygonOf(TestMap.SEGMENT)));
        return new WardMap(1, new LocalMetres(21.045, 105.885), zones, units, rules);
    }

    private static Zone zone(String code, ZoneKind kind, String unitCode, Double bufferM, String geometry) {
        return new Zone(UUID.randomUUID(), code, code, kind, unitCode, bufferM, geometry, Instant.EPOCH);
    }

    /** The geometry member of a feature in TestMap. */
    private static String polygonOf(String feature) {
        return feature.substring(
                feature.indexOf("{\"type\": \"", feature.indexOf("\"geometry\"")), feature.lastIndexOf('}'));
    }

    private static Unit unit(String code) {
        return new Unit(UUID.randomUUID(), UUID.randomUUID(), code, code, UnitKind.OTHER, null, true);
    }
}
