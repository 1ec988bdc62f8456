package vn.urbanorder.assignment;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import vn.urbanorder.shared.GeoJson;
import vn.urbanorder.shared.GeoPoint;

/**
 * One ward's map as an instance holds it in memory: its current zones and segments in STR-trees
 * of prepared geometries (in local metres, so segment buffers are metres), its active units and
 * its rules. It answers "which zone and segment contain this point, and which unit gets it".
 * Immutable: a change builds a new map.
 */
final class WardMap {

    /** A zone, or a segment's buffered line, ready for point lookups. */
    record Area(
            Assignment.Place place,
            ZoneKind kind,
            @Nullable UUID unitId,
            PreparedGeometry shape,
            @Nullable Geometry line,
            double size) {}

    private final long version;
    private final LocalMetres metres;
    private final STRtree zones = new STRtree();
    private final STRtree segments = new STRtree();
    private final Map<UUID, Assignment.UnitRef> activeUnits;
    private final Map<String, UUID> unitIdsByCode;
    private final Map<RuleKey, String> rules = new HashMap<>();

    WardMap(long version, LocalMetres metres, List<Zone> current, List<Unit> units, List<AssignmentRule> ruleList) {
        this.version = version;
        this.metres = metres;
        this.activeUnits = new HashMap<>();
        this.unitIdsByCode = new HashMap<>();
        for (Unit unit : units) {
            unitIdsByCode.put(unit.code(), unit.id());
            if (unit.active()) {
                activeUnits.put(unit.id(), new Assignment.UnitRef(unit.id(), unit.code(), unit.name()));
            }
        }
        PreparedGeometryFactory prepared = new PreparedGeometryFactory();
        for (Zone zone : current) {
            Geometry projected = metres.project(GeoJson.read(zone.geometry()));
            var place = new Assignment.Place(zone.id(), zone.code(), zone.name());
            UUID unit = zone.unitCode() == null ? null : unitIdsByCode.get(zone.unitCode());
            if (zone.kind() == ZoneKind.ZONE) {
                var area = new Area(place, zone.kind(), unit, prepared.create(projected), null, projected.getArea());
                zones.insert(projected.getEnvelopeInternal(), area);
            } else {
                Geometry buffered =
                        projected.buffer(Objects.requireNonNull(zone.bufferM(), "a segment has its buffer"));
                var area = new Area(place, zone.kind(), unit, prepared.create(buffered), projected, 0);
                segments.insert(buffered.getEnvelopeInternal(), area);
            }
        }
        zones.build();
        segments.build();
        for (AssignmentRule rule : ruleList) {
            rules.put(RuleKey.of(rule), rule.unitCode());
        }
    }

    long version() {
        return version;
    }

    /** The assignment of a report of this category at this point. */
    Assignment decide(String category, GeoPoint at) {
        Point point = metres.point(at.lat(), at.lon());
        Area zone = zoneAt(point);
        Area segment = segmentAt(point);
        Assignment.Place zonePlace = zone == null ? null : zone.place();
        Assignment.Place segmentPlace = segment == null ? null : segment.place();
        if (zone == null) {
            return new Assignment(null, null, segmentPlace, null);
        }
        if (segment != null) {
            var found = first(
                    ruleUnit(new RuleKey(null, segment.place().code(), category), RuleLevel.SEGMENT_CATEGORY),
                    ruleUnit(new RuleKey(null, segment.place().code(), null), RuleLevel.SEGMENT),
                    ownUnit(segment, RuleLevel.SEGMENT));
            if (found != null) {
                return new Assignment(found.unit(), zonePlace, segmentPlace, found.level());
            }
        }
        var found = first(
                ruleUnit(new RuleKey(zone.place().code(), null, category), RuleLevel.ZONE_CATEGORY),
                ruleUnit(new RuleKey(zone.place().code(), null, null), RuleLevel.ZONE),
                ownUnit(zone, RuleLevel.ZONE),
                ruleUnit(new RuleKey(null, null, category), RuleLevel.CATEGORY),
                ruleUnit(new RuleKey(null, null, null), RuleLevel.WARD_DEFAULT));
        return found == null
                ? new Assignment(null, zonePlace, segmentPlace, null)
                : new Assignment(found.unit(), zonePlace, segmentPlace, found.level());
    }

    /** The zone containing the point, its boundary included; of overlapping zones the smallest. */
    @Nullable
    Area zoneAt(Point point) {
        Area best = null;
        for (Object candidate : zones.query(point.getEnvelopeInternal())) {
            Area area = (Area) candidate;
            if (area.shape().covers(point) && (best == null || BY_SIZE_THEN_CODE.compare(area, best) < 0)) {
                best = area;
            }
        }
        return best;
    }

    /** The segment whose buffer holds the point; of several, the one whose line is nearest. */
    @Nullable
    Area segmentAt(Point point) {
        Area best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Object candidate : segments.query(point.getEnvelopeInternal())) {
            Area area = (Area) candidate;
            if (area.shape().covers(point)) {
                double distance = Objects.requireNonNull(area.line(), "a segment has its line")
                        .distance(point);
                if (distance < bestDistance
                        || (distance == bestDistance
                                && best != null
                                && area.place().code().compareTo(best.place().code()) < 0)) {
                    best = area;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    private static final Comparator<Area> BY_SIZE_THEN_CODE = Comparator.comparingDouble(Area::size)
            .thenComparing(area -> area.place().code());

    private record Found(Assignment.UnitRef unit, RuleLevel level) {}

    private @Nullable Found ruleUnit(RuleKey key, RuleLevel level) {
        String unitCode = rules.get(key);
        return unitCode == null ? null : active(unitIdsByCode.get(unitCode), level);
    }

    private @Nullable Found ownUnit(Area area, RuleLevel level) {
        return active(area.unitId(), level);
    }

    /** A deactivated unit is passed over, as if the rule naming it did not exist. */
    private @Nullable Found active(@Nullable UUID unitId, RuleLevel level) {
        Assignment.UnitRef unit = unitId == null ? null : activeUnits.get(unitId);
        return unit == null ? null : new Found(unit, level);
    }

    private static @Nullable Found first(@Nullable Found... inOrder) {
        for (Found found : inOrder) {
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** A rule's conditions; equal conditions are the same rule. */
    record RuleKey(
            @Nullable String zoneCode,
            @Nullable String segmentCode,
            @Nullable String category) {
        static RuleKey of(AssignmentRule rule) {
            return new RuleKey(rule.zoneCode(), rule.segmentCode(), rule.category());
        }
    }
}
