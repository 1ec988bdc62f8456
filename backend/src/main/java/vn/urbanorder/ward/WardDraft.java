package vn.urbanorder.ward;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import vn.urbanorder.shared.GeoJson;
import vn.urbanorder.shared.InvalidRequestException;
import vn.urbanorder.shared.InvalidRequestException.FieldProblem;

/**
 * A ward to create: its province, code (as the province numbers it, upper-case letters and digits),
 * name, time zone and service area as GeoJSON.
 */
public record WardDraft(UUID provinceId, String code, String name, ZoneId timeZone, String serviceArea) {

    static final Pattern CODE = Pattern.compile("[A-Z0-9]{1,16}");
    static final int MAX_NAME = 120;

    /** The draft with its name trimmed; a 422 naming every field that breaks a rule. */
    WardDraft checked() {
        List<FieldProblem> problems = problems();
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new WardDraft(provinceId, code, name.strip(), timeZone, serviceArea);
    }

    /**
     * Every rule the draft breaks, on the fields {@code code}, {@code name} and {@code
     * serviceArea}; none when {@link WardDirectory#create} would take it (as far as the draft
     * itself goes: whether its code is taken is the directory's to say).
     */
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        codeProblem("code", code).ifPresent(problems::add);
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            problems.add(new FieldProblem("name", "phải có từ 1 đến " + MAX_NAME + " ký tự"));
        }
        try {
            checkArea("serviceArea", serviceArea);
        } catch (InvalidRequestException e) {
            problems.addAll(e.fieldErrors());
        }
        return problems;
    }

    static Optional<FieldProblem> codeProblem(String field, String code) {
        return CODE.matcher(code).matches()
                ? Optional.empty()
                : Optional.of(new FieldProblem(field, "chỉ gồm chữ in hoa không dấu và chữ số, tối đa 16 ký tự"));
    }

    static String checkName(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            throw InvalidRequestException.of("name", "phải có từ 1 đến " + MAX_NAME + " ký tự");
        }
        return trimmed;
    }

    /** The GeoJSON as given, once it is a valid Polygon or MultiPolygon in WGS84. */
    static String checkArea(String field, String geoJson) {
        try {
            var area = GeoJson.read(geoJson);
            if (!(area instanceof Polygon || area instanceof MultiPolygon)) {
                throw InvalidRequestException.of(field, "vùng phục vụ phải là Polygon hoặc MultiPolygon");
            }
            return geoJson;
        } catch (GeoJson.InvalidGeometryException e) {
            throw InvalidRequestException.of(field, String.valueOf(e.getMessage()));
        }
    }
}
