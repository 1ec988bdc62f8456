package vn.urbanorder.assignment.web;

import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.urbanorder.api.model.GeometryDto;
import vn.urbanorder.api.model.ZoneFeatureCollectionDto;
import vn.urbanorder.api.model.ZoneFeatureDto;
import vn.urbanorder.api.model.ZonePropertiesDto;
import vn.urbanorder.assignment.Zone;
import vn.urbanorder.assignment.ZoneDraft;
import vn.urbanorder.shared.InvalidRequestException;

/** Zones to and from GeoJSON features; geometries pass through as JSON trees. */
@Component
class ZoneGeoJson {

    private final JsonMapper json;

    ZoneGeoJson(JsonMapper json) {
        this.json = json;
    }

    List<ZoneDraft> toDomain(ZoneFeatureCollectionDto file) {
        List<ZoneFeatureDto> features = file.getFeatures();
        for (int i = 0; i < features.size(); i++) {
            if (features.get(i) == null) {
                throw InvalidRequestException.of("features[" + i + "]", "không được để trống");
            }
        }
        return features.stream()
                .map(feature -> {
                    ZonePropertiesDto properties = feature.getProperties();
                    JsonNode geometry = json.valueToTree(feature.getGeometry());
                    return new ZoneDraft(
                            properties.getCode(),
                            properties.getName(),
                            properties.getKind(),
                            properties.getUnitCode(),
                            properties.getBufferM(),
                            geometry);
                })
                .toList();
    }

    ZoneFeatureCollectionDto toApi(List<Zone> zones) {
        return new ZoneFeatureCollectionDto()
                .type(ZoneFeatureCollectionDto.TypeEnum.FEATURE_COLLECTION)
                .features(zones.stream().map(this::feature).toList());
    }

    private ZoneFeatureDto feature(Zone zone) {
        return new ZoneFeatureDto()
                .type(ZoneFeatureDto.TypeEnum.FEATURE)
                .id(zone.id().toString())
                .geometry(json.readValue(zone.geometry(), GeometryDto.class))
                .properties(new ZonePropertiesDto()
                        .code(zone.code())
                        .name(zone.name())
                        .kind(zone.kind().name())
                        .unitCode(zone.unitCode())
                        .bufferM(zone.bufferM())
                        .validFrom(zone.validFrom().atOffset(ZoneOffset.UTC)));
    }
}
