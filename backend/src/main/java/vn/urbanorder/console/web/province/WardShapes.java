package vn.urbanorder.console.web.province;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.urbanorder.api.model.GeometryDto;
import vn.urbanorder.api.model.ProvinceWardDetailDto;
import vn.urbanorder.api.model.ProvinceWardDto;
import vn.urbanorder.api.model.WardAreaVersionDto;

/** The API's wards as GeoJSON for the pages' maps: names and codes as properties, drawn as text. */
final class WardShapes {

    private WardShapes() {}

    /** Every ward's area in force, with its id, code and name. */
    static Map<String, Object> wards(List<ProvinceWardDto> wards) {
        return collection(wards.stream()
                .map(ward -> feature(
                        ward.getServiceArea(),
                        Map.of("id", ward.getId().toString(), "code", ward.getCode(), "name", ward.getName())))
                .toList());
    }

    /**
     * A ward's area versions, oldest first, each marked {@code past}, {@code inForce} or
     * {@code coming}, with the date it took (or takes) effect.
     */
    static Map<String, Object> versions(ProvinceWardDetailDto ward) {
        List<WardAreaVersionDto> areas = ward.getAreas();
        List<String> states = states(areas);
        return collection(java.util.stream.IntStream.range(0, areas.size())
                .mapToObj(i -> feature(
                        areas.get(i).getServiceArea(),
                        Map.of(
                                "state", states.get(i),
                                "validFrom", areas.get(i).getValidFrom().toString(),
                                "code", ward.getCode(),
                                "name", ward.getName())))
                .toList());
    }

    /** Each version's state: {@code past} before the one in force, {@code inForce}, {@code coming} after it. */
    static List<String> states(List<WardAreaVersionDto> areas) {
        int current = -1;
        for (int i = 0; i < areas.size(); i++) {
            if (Boolean.TRUE.equals(areas.get(i).getInForce())) {
                current = i;
            }
        }
        int inForce = current;
        return java.util.stream.IntStream.range(0, areas.size())
                .mapToObj(i -> i == inForce ? "inForce" : i < inForce ? "past" : "coming")
                .toList();
    }

    private static Map<String, Object> collection(List<Map<String, Object>> features) {
        return Map.of("type", "FeatureCollection", "features", features);
    }

    private static Map<String, Object> feature(GeometryDto geometry, Map<String, Object> properties) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("type", geometry.getType());
        shape.put("coordinates", geometry.getCoordinates());
        return Map.of("type", "Feature", "geometry", shape, "properties", properties);
    }
}
