package vn.urbanorder.province;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import vn.urbanorder.province.WardImportPreview.Change;
import vn.urbanorder.shared.GeoJson;
import vn.urbanorder.shared.InvalidRequestException.FieldProblem;
import vn.urbanorder.ward.Ward;
import vn.urbanorder.ward.WardDraft;

/**
 * Checks a file of ward boundaries feature by feature against the province's wards, collecting
 * every error (so the whole file can be fixed at once) and the warnings that do not stop an
 * import: areas of two wards overlapping by more than a sliver.
 */
final class WardFileCheck {

    /** Coordinates closer than this (about a millimetre) are the same point. */
    private static final double SAME_POINT_DEGREES = 1e-8;

    /** Two wards may share a boundary drawn a little differently; more than this share of the smaller is an overlap. */
    static final double SLIVER = 0.01;

    /** One feature to apply: what it does, and to which ward. */
    record Planned(
            WardImportPreview.Item item,
            String code,
            String name,
            @Nullable ZoneId timeZone,
            String area) {}

    record Outcome(
            List<WardImportPreview.Item> items,
            List<Planned> planned,
            List<FieldProblem> errors,
            List<FieldProblem> warnings) {}

    private final UUID provinceId;
    private final Map<String, Ward> wardsByCode = new HashMap<>();
    private final Set<String> codesElsewhere;
    private final LocalDate effectiveFrom;
    private final Clock clock;

    WardFileCheck(UUID provinceId, List<Ward> wards, Set<String> codesElsewhere, LocalDate effectiveFrom, Clock clock) {
        this.provinceId = provinceId;
        wards.forEach(ward -> wardsByCode.put(ward.code(), ward));
        this.codesElsewhere = Set.copyOf(codesElsewhere);
        this.effectiveFrom = effectiveFrom;
        this.clock = clock;
    }

    Outcome inspect(List<WardFeature> features) {
        List<WardImportPreview.Item> items = new ArrayList<>();
        List<Planned> planned = new ArrayList<>();
        List<FieldProblem> errors = new ArrayList<>();
        Map<Integer, Geometry> areas = new HashMap<>();
        Set<String> seen = new HashSet<>();
        boolean pastAreaChange = false;
        for (int i = 0; i < features.size(); i++) {
            WardFeature feature = features.get(i);
            String prefix = "features[" + i + "].";
            int errorsBefore = errors.size();
            String code = text(feature.code());
            String name = text(feature.name());
            String area = geometryText(feature.geometry());
            ZoneId zone = null;
            if (feature.timeZone() != null) {
                try {
                    zone = ProvinceWards.zone("timeZone", feature.timeZone());
                } catch (vn.urbanorder.shared.InvalidRequestException unknown) {
                    errors.add(new FieldProblem(
                            prefix + "properties.timeZone",
                            unknown.fieldErrors().get(0).message()));
                }
            }
            var draft = new WardDraft(provinceId, code, name, zone == null ? AreaDates.DEFAULT_ZONE : zone, area);
            for (FieldProblem problem : draft.problems()) {
                if (problem.field().equals("serviceArea")) {
                    errors.add(new FieldProblem(
                            prefix + "geometry", area.equals("{}") ? "thiếu hình học" : problem.message()));
                } else {
                    errors.add(new FieldProblem(prefix + "properties." + problem.field(), problem.message()));
                }
            }
            boolean firstOfCode = !code.isEmpty() && seen.add(code);
            if (!code.isEmpty() && !firstOfCode) {
                errors.add(new FieldProblem(
                        prefix + "properties.code", "mã '" + code + "' đã dùng cho một phường khác trong tệp"));
            }
            if (codesElsewhere.contains(code)) {
                errors.add(new FieldProblem(
                        prefix + "properties.code", "mã '" + code + "' là của một phường thuộc tỉnh, thành phố khác"));
            }
            Geometry geometry = readable(area);
            if (geometry != null && errors.size() == errorsBefore) {
                areas.put(i, geometry);
            }
            if (!firstOfCode) {
                continue;
            }
            Ward ward = wardsByCode.get(code);
            Set<Change> changes = EnumSet.noneOf(Change.class);
            if (ward == null) {
                changes.add(Change.NEW);
            } else {
                if (geometry == null
                        || !geometry.norm().equalsExact(ward.serviceArea().norm(), SAME_POINT_DEGREES)) {
                    changes.add(Change.AREA_CHANGED);
                    if (effectiveFrom.isBefore(AreaDates.today(clock, ward.timeZone()))) {
                        pastAreaChange = true;
                    } else {
                        AreaDates.beforeNewest(ward, effectiveFrom)
                                .ifPresent(refusal -> errors.add(new FieldProblem(prefix + "geometry", refusal)));
                    }
                }
                if (!ward.name().equals(name)) {
                    changes.add(Change.RENAMED);
                }
                if (zone != null && !zone.equals(ward.timeZone())) {
                    changes.add(Change.TIME_ZONE_CHANGED);
                }
                if (changes.isEmpty()) {
                    changes.add(Change.UNCHANGED);
                }
            }
            var item = new WardImportPreview.Item(
                    i,
                    code,
                    name,
                    ward == null ? null : ward.id(),
                    changes,
                    ward != null && changes.contains(Change.RENAMED) ? ward.name() : null);
            items.add(item);
            planned.add(new Planned(item, code, name, zone, area));
        }
        if (pastAreaChange) {
            errors.add(new FieldProblem("effectiveFrom", AreaDates.BEFORE_TODAY));
        }
        return new Outcome(items, planned, errors, overlaps(features, areas, seen));
    }

    /**
     * Features whose area overlaps another's (in the file, or a ward of the province the file
     * leaves out) by more than a sliver of the smaller one.
     */
    private List<FieldProblem> overlaps(List<WardFeature> features, Map<Integer, Geometry> areas, Set<String> inFile) {
        record Placed(String code, @Nullable Integer feature, Geometry area) {}
        STRtree index = new STRtree();
        List<Placed> all = new ArrayList<>();
        areas.forEach((i, area) -> all.add(new Placed(text(features.get(i).code()), i, area)));
        wardsByCode.values().stream()
                .filter(ward -> !inFile.contains(ward.code()))
                .forEach(ward -> all.add(new Placed(ward.code(), null, ward.serviceArea())));
        all.forEach(placed -> index.insert(placed.area().getEnvelopeInternal(), placed));
        List<FieldProblem> warnings = new ArrayList<>();
        for (Placed placed : all) {
            Integer feature = placed.feature();
            if (feature == null) {
                continue;
            }
            for (Object found : index.query(placed.area().getEnvelopeInternal())) {
                Placed other = (Placed) found;
                Integer otherFeature = other.feature();
                // Each pair of features once, on the later one; a ward left out, on the feature.
                if (otherFeature != null && otherFeature >= feature) {
                    continue;
                }
                double share = overlapShare(placed.area(), other.area());
                if (share > SLIVER) {
                    warnings.add(new FieldProblem(
                            "features[" + feature + "].geometry",
                            "chồng lấn với phường " + other.code() + " khoảng " + Math.round(share * 100)
                                    + "% diện tích"));
                }
            }
        }
        return warnings;
    }

    private static double overlapShare(Geometry one, Geometry other) {
        try {
            double smaller = Math.min(one.getArea(), other.getArea());
            return smaller <= 0 ? 0 : one.intersection(other).getArea() / smaller;
        } catch (RuntimeException topology) {
            return 0;
        }
    }

    /** The geometry with only its type and coordinates, as stored; "{}" when there is none. */
    private static String geometryText(@Nullable JsonNode geometry) {
        if (geometry == null || geometry.isNull() || !geometry.isObject()) {
            return "{}";
        }
        ObjectNode stored = JsonNodeFactory.instance.objectNode();
        stored.set("type", geometry.path("type"));
        stored.set("coordinates", geometry.path("coordinates"));
        return stored.toString();
    }

    private static @Nullable Geometry readable(String geoJson) {
        try {
            return GeoJson.read(geoJson);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
