package vn.urbanorder.assignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import vn.urbanorder.shared.GeoJson;
import vn.urbanorder.shared.InvalidRequestException;
import vn.urbanorder.shared.InvalidRequestException.FieldProblem;

/**
 * Checks an imported file feature by feature and collects every error, so the ward officer can
 * fix the whole file at once: valid geometry of the right type, inside the ward, unique codes,
 * known active units, sane buffers.
 */
final class ZoneFileCheck {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    /** About a metre: a zone drawn along the ward's boundary may stray by rounding. */
    private static final double BOUNDARY_TOLERANCE_DEGREES = 1e-5;

    private final Geometry serviceArea;
    private final Map<String, Unit> unitsByCode;
    private final double defaultBufferM;

    ZoneFileCheck(Geometry serviceArea, Map<String, Unit> unitsByCode, double defaultBufferM) {
        this.serviceArea = serviceArea.buffer(BOUNDARY_TOLERANCE_DEGREES);
        this.unitsByCode = unitsByCode;
        this.defaultBufferM = defaultBufferM;
    }

    /** The features that passed, and every error of the file. */
    record Outcome(List<ZoneStore.Checked> checked, List<FieldProblem> problems) {}

    /** The features ready to store; an {@link InvalidRequestException} listing every error otherwise. */
    List<ZoneStore.Checked> check(List<ZoneDraft> features) {
        Outcome outcome = inspect(features);
        if (!outcome.problems().isEmpty()) {
            throw new InvalidRequestException(outcome.problems());
        }
        return outcome.checked();
    }

    /** Every feature checked, nothing thrown: what a preview shows. */
    Outcome inspect(List<ZoneDraft> features) {
        List<FieldProblem> problems = new ArrayList<>();
        List<ZoneStore.Checked> checked = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < features.size(); i++) {
            var feature = features.get(i);
            var errors = new Errors("features[" + i + "]", problems);
            String code = feature.code() == null ? "" : feature.code().strip();
            if (!CODE.matcher(code).matches()) {
                errors.add("properties.code", "mã gồm 1–32 chữ cái không dấu, chữ số, '.', '_' hoặc '-'");
            } else if (!codes.add(code)) {
                errors.add("properties.code", "mã '" + code + "' đã dùng cho một vùng khác trong tệp");
            }
            String name = feature.name() == null ? "" : feature.name().strip();
            if (name.isEmpty() || name.length() > 200) {
                errors.add("properties.name", "tên không được để trống và tối đa 200 ký tự");
            }
            ZoneKind kind = kindOf(feature.kind());
            if (kind == null) {
                errors.add("properties.kind", "phải là ZONE (tổ dân phố) hoặc SEGMENT (tuyến khoán quản)");
            }
            Unit unit = null;
            if (feature.unitCode() != null) {
                unit = unitsByCode.get(feature.unitCode());
                if (unit == null || !unit.active()) {
                    errors.add("properties.unitCode", "không có đơn vị đang hoạt động mã '" + feature.unitCode() + "'");
                }
            }
            Double bufferM = null;
            if (kind == ZoneKind.SEGMENT) {
                bufferM = feature.bufferM() == null ? defaultBufferM : feature.bufferM();
                if (!(bufferM > 0 && bufferM <= 200)) {
                    errors.add("properties.bufferM", "phải lớn hơn 0 và tối đa 200 mét");
                }
            } else if (feature.bufferM() != null && kind == ZoneKind.ZONE) {
                errors.add("properties.bufferM", "chỉ dùng cho tuyến (SEGMENT)");
            }
            String geometry = geometryOf(feature, kind, errors);
            if (errors.none() && kind != null && geometry != null) {
                checked.add(
                        new ZoneStore.Checked(code, name, kind, unit == null ? null : unit.id(), bufferM, geometry));
            }
        }
        return new Outcome(checked, problems);
    }

    private @Nullable String geometryOf(ZoneDraft feature, @Nullable ZoneKind kind, Errors errors) {
        if (feature.geometry() == null || feature.geometry().isNull()) {
            errors.add("geometry", "thiếu hình học");
            return null;
        }
        Geometry geometry;
        try {
            geometry = GeoJson.read(feature.geometry());
        } catch (GeoJson.InvalidGeometryException invalid) {
            errors.add("geometry", Objects.requireNonNull(invalid.getMessage(), "built with a reason"));
            return null;
        }
        boolean area = geometry instanceof Polygon || geometry instanceof MultiPolygon;
        if (kind == ZoneKind.ZONE && !area) {
            errors.add("geometry", "tổ dân phố (ZONE) phải là Polygon hoặc MultiPolygon");
        } else if (kind == ZoneKind.SEGMENT && !(geometry instanceof LineString)) {
            errors.add("geometry", "tuyến (SEGMENT) phải là LineString");
        } else if (!serviceArea.covers(geometry)) {
            errors.add("geometry", "nằm ngoài địa bàn phường");
        }
        ObjectNode stored = JsonNodeFactory.instance.objectNode();
        stored.put("type", feature.geometry().path("type").asString());
        stored.set("coordinates", feature.geometry().path("coordinates"));
        return stored.toString();
    }

    private static @Nullable ZoneKind kindOf(@Nullable String kind) {
        if (kind == null) {
            return null;
        }
        try {
            return ZoneKind.valueOf(kind.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** The errors of one feature, with its path in the file. */
    private static final class Errors {
        private final String prefix;
        private final List<FieldProblem> all;
        private int count;

        Errors(String prefix, List<FieldProblem> all) {
            this.prefix = prefix;
            this.all = all;
        }

        void add(String field, String message) {
            all.add(new FieldProblem(prefix + "." + field, message));
            count++;
        }

        boolean none() {
            return count == 0;
        }
    }

    static Map<String, Unit> byCode(List<Unit> units) {
        Map<String, Unit> byCode = new HashMap<>();
        units.forEach(unit -> byCode.put(unit.code(), unit));
        return byCode;
    }
}
