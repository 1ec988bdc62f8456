package vn.urbanorder.assignment;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.JsonNode;
import vn.urbanorder.assignment.ZoneChange.Aspect;
import vn.urbanorder.shared.GeoJson;

/**
 * A zone file against the current map, by code: what it adds, what it changes (and how), what it
 * leaves out. A feature is compared as sent, errors and all; the file's check says what is wrong.
 */
final class ZoneDiff {

    /** Coordinates closer than this (about a millimetre) are the same point. */
    private static final double SAME_POINT_DEGREES = 1e-8;

    record Result(List<ZoneChange> added, List<ZoneChange> changed, List<ZoneChange> removed, int unchanged) {}

    private final double defaultBufferM;

    ZoneDiff(double defaultBufferM) {
        this.defaultBufferM = defaultBufferM;
    }

    Result between(List<Zone> current, List<ZoneDraft> file) {
        Map<String, Zone> now = new LinkedHashMap<>();
        current.forEach(zone -> now.put(zone.code(), zone));
        List<ZoneChange> added = new ArrayList<>();
        List<ZoneChange> changed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int unchanged = 0;
        for (int i = 0; i < file.size(); i++) {
            ZoneDraft draft = file.get(i);
            String code = text(draft.code());
            // A duplicate is an error of the file; its first feature stands for the code here.
            if (code.isEmpty() || !seen.add(code)) {
                continue;
            }
            String kind = text(draft.kind()).toUpperCase(Locale.ROOT);
            Double bufferM = ZoneKind.SEGMENT.name().equals(kind) && draft.bufferM() == null
                    ? Double.valueOf(defaultBufferM)
                    : draft.bufferM();
            String name = text(draft.name());
            Zone was = now.get(code);
            if (was == null) {
                added.add(new ZoneChange(code, kind, name, draft.unitCode(), bufferM, i, Set.of(), null));
                continue;
            }
            Set<Aspect> aspects = EnumSet.noneOf(Aspect.class);
            if (!sameGeometry(was.geometry(), draft.geometry())) {
                aspects.add(Aspect.GEOMETRY);
            }
            if (!was.name().equals(name)) {
                aspects.add(Aspect.NAME);
            }
            if (!was.kind().name().equals(kind)) {
                aspects.add(Aspect.KIND);
            }
            if (!Objects.equals(was.unitCode(), draft.unitCode())) {
                aspects.add(Aspect.UNIT);
            }
            if (!Objects.equals(was.bufferM(), bufferM)) {
                aspects.add(Aspect.BUFFER);
            }
            if (aspects.isEmpty()) {
                unchanged++;
            } else {
                changed.add(new ZoneChange(
                        code,
                        kind,
                        name,
                        draft.unitCode(),
                        bufferM,
                        i,
                        aspects,
                        new ZoneChange.Was(was.name(), was.kind().name(), was.unitCode(), was.bufferM())));
            }
        }
        List<ZoneChange> removed = now.values().stream()
                .filter(zone -> !seen.contains(zone.code()))
                .map(zone -> new ZoneChange(
                        zone.code(),
                        zone.kind().name(),
                        zone.name(),
                        zone.unitCode(),
                        zone.bufferM(),
                        null,
                        Set.of(),
                        null))
                .toList();
        return new Result(added, changed, removed, unchanged);
    }

    /** The same shape: rings may start elsewhere or run the other way. */
    private static boolean sameGeometry(String stored, @Nullable JsonNode sent) {
        if (sent == null || sent.isNull()) {
            return false;
        }
        try {
            Geometry before = GeoJson.read(stored).norm();
            Geometry after = GeoJson.read(sent).norm();
            return before.equalsExact(after, SAME_POINT_DEGREES);
        } catch (GeoJson.InvalidGeometryException unreadable) {
            return false;
        }
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
