package vn.urbanorder.province.web;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.urbanorder.api.model.FieldErrorDto;
import vn.urbanorder.api.model.GeometryDto;
import vn.urbanorder.api.model.ProvinceSummaryDto;
import vn.urbanorder.api.model.ProvinceWardDetailDto;
import vn.urbanorder.api.model.ProvinceWardDto;
import vn.urbanorder.api.model.ProvinceWardListDto;
import vn.urbanorder.api.model.RoleDto;
import vn.urbanorder.api.model.UserDto;
import vn.urbanorder.api.model.UserPageDto;
import vn.urbanorder.api.model.WardAreaVersionDto;
import vn.urbanorder.api.model.WardFeatureCollectionDto;
import vn.urbanorder.api.model.WardFeatureDto;
import vn.urbanorder.api.model.WardImportDto;
import vn.urbanorder.api.model.WardImportItemDto;
import vn.urbanorder.api.model.WardImportPreviewDto;
import vn.urbanorder.identity.User;
import vn.urbanorder.identity.UserPage;
import vn.urbanorder.province.ProvinceSummary;
import vn.urbanorder.province.ProvinceWard;
import vn.urbanorder.province.WardDetail;
import vn.urbanorder.province.WardFeature;
import vn.urbanorder.province.WardImportOutcome;
import vn.urbanorder.province.WardImportPreview;
import vn.urbanorder.shared.InvalidRequestException;
import vn.urbanorder.shared.InvalidRequestException.FieldProblem;

/** The province's views to and from the API's models; geometries as GeoJSON, longitude first. */
@Component
class ProvinceViews {

    private final JsonMapper json;

    ProvinceViews(JsonMapper json) {
        this.json = json;
    }

    ProvinceSummaryDto toApi(ProvinceSummary summary) {
        return new ProvinceSummaryDto()
                .id(summary.province().id())
                .code(summary.province().code())
                .name(summary.province().name())
                .wards(summary.wards());
    }

    ProvinceWardListDto toApi(List<ProvinceWard> wards) {
        return new ProvinceWardListDto()
                .items(wards.stream()
                        .map(found -> new ProvinceWardDto()
                                .id(found.ward().id())
                                .code(found.ward().code())
                                .name(found.ward().name())
                                .timeZone(found.ward().timeZone().getId())
                                .serviceArea(geometry(found.area().area()))
                                .areaValidFrom(found.area().validFrom().atOffset(ZoneOffset.UTC))
                                .activeAdmins(found.activeAdmins()))
                        .toList());
    }

    ProvinceWardDetailDto toApi(WardDetail detail) {
        return new ProvinceWardDetailDto()
                .id(detail.ward().id())
                .code(detail.ward().code())
                .name(detail.ward().name())
                .timeZone(detail.ward().timeZone().getId())
                .activeAdmins(detail.activeAdmins())
                .areas(detail.areas().stream()
                        .map(version -> new WardAreaVersionDto()
                                .validFrom(version.area().validFrom().atOffset(ZoneOffset.UTC))
                                .serviceArea(geometry(version.area().area()))
                                .inForce(version.inForce())
                                .changedBy(version.changedBy()))
                        .toList());
    }

    UserDto toApi(User user) {
        var lastSignedIn = user.lastSignedInAt();
        return new UserDto()
                .id(user.id())
                .username(user.username())
                .displayName(user.displayName())
                .phone(user.phone())
                .roles(user.roles().stream()
                        .map(role -> RoleDto.fromValue(role.name()))
                        .sorted()
                        .toList())
                .provinceCode(user.provinceCode())
                .wardCode(user.wardCode())
                .unitId(user.unitId())
                .active(user.active())
                .createdAt(user.createdAt().atOffset(ZoneOffset.UTC))
                .lastSignedInAt(lastSignedIn == null ? null : lastSignedIn.atOffset(ZoneOffset.UTC))
                .passwordChangeRequired(user.passwordChangeRequired());
    }

    UserPageDto toApi(UserPage page) {
        return new UserPageDto()
                .items(page.items().stream().map(this::toApi).toList())
                .page(page.page())
                .size(page.size())
                .totalItems(page.totalItems());
    }

    WardImportPreviewDto toApi(WardImportPreview preview) {
        return new WardImportPreviewDto()
                .features(preview.features())
                .added(preview.added())
                .changed(preview.changed())
                .unchanged(preview.unchanged())
                .items(preview.items().stream()
                        .map(item -> new WardImportItemDto()
                                .feature(item.feature())
                                .code(item.code())
                                .name(item.name())
                                .wardId(item.wardId())
                                .changes(item.changes().stream()
                                        .sorted()
                                        .map(change -> WardImportItemDto.ChangesEnum.fromValue(change.name()))
                                        .toList())
                                .wasName(item.wasName()))
                        .toList())
                .errors(problems(preview.errors()))
                .warnings(problems(preview.warnings()));
    }

    WardImportDto toApi(WardImportOutcome outcome) {
        return new WardImportDto()
                .added(outcome.added())
                .changed(outcome.changed())
                .unchanged(outcome.unchanged())
                .effectiveFrom(outcome.effectiveFrom());
    }

    List<WardFeature> toDomain(WardFeatureCollectionDto file) {
        List<WardFeatureDto> features = file.getFeatures();
        for (int i = 0; i < features.size(); i++) {
            if (features.get(i) == null) {
                throw InvalidRequestException.of("features[" + i + "]", "không được để trống");
            }
        }
        return features.stream()
                .map(feature -> {
                    var properties = feature.getProperties();
                    JsonNode geometry = feature.getGeometry() == null ? null : json.valueToTree(feature.getGeometry());
                    return new WardFeature(
                            properties.getCode(), properties.getName(), properties.getTimeZone(), geometry);
                })
                .toList();
    }

    /** A geometry as the API sent it, as GeoJSON text. */
    String geoJson(GeometryDto geometry) {
        return json.writeValueAsString(geometry);
    }

    private static List<FieldErrorDto> problems(List<FieldProblem> problems) {
        return problems.stream()
                .map(problem -> new FieldErrorDto().field(problem.field()).message(problem.message()))
                .toList();
    }

    static GeometryDto geometry(Geometry geometry) {
        if (geometry instanceof Polygon polygon) {
            return new GeometryDto().type("Polygon").coordinates(rings(polygon));
        }
        if (geometry instanceof MultiPolygon multi) {
            List<Object> polygons = new ArrayList<>();
            for (int i = 0; i < multi.getNumGeometries(); i++) {
                polygons.add(rings((Polygon) multi.getGeometryN(i)));
            }
            return new GeometryDto().type("MultiPolygon").coordinates(polygons);
        }
        throw new IllegalArgumentException(
                "A service area is a Polygon or MultiPolygon: " + geometry.getGeometryType());
    }

    private static List<Object> rings(Polygon polygon) {
        List<Object> rings = new ArrayList<>();
        rings.add(positions(polygon.getExteriorRing()));
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            rings.add(positions(polygon.getInteriorRingN(i)));
        }
        return rings;
    }

    private static List<Object> positions(LineString ring) {
        return Arrays.stream(ring.getCoordinates())
                .map(ProvinceViews::position)
                .map(Object.class::cast)
                .toList();
    }

    private static List<Double> position(Coordinate coordinate) {
        return List.of(coordinate.x, coordinate.y);
    }
}
