package vn.urbanorder.console.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.model.UnitDto;
import vn.urbanorder.api.model.UnitListDto;
import vn.urbanorder.console.ApiProblem;
import vn.urbanorder.console.ConsoleApi;

/** The ward's units, zones and categories as the inspectors' filters and forms list them, from the API. */
@Component
class InspectorLists {

    /** A zone or segment of the ward's current map. */
    record Zone(String id, String code, String name, String kind) {}

    private final ConsoleApi api;
    private final ConsoleCategories categories;

    InspectorLists(ConsoleApi api, ConsoleCategories categories) {
        this.api = api;
        this.categories = categories;
    }

    Mono<List<UnitDto>> units() {
        return api.get(uri -> uri.path("/api/v1/units").build(), UnitListDto.class)
                .map(UnitListDto::getItems);
    }

    /** Zones first, then segments, as the API orders them; read as plain JSON (geometry is not needed). */
    @SuppressWarnings("unchecked")
    Mono<List<Zone>> zones() {
        return api.get(uri -> uri.path("/api/v1/zones").build(), Map.class)
                .map(collection -> {
                    Object features = collection.get("features");
                    if (!(features instanceof List<?> list)) {
                        return List.<Zone>of();
                    }
                    return list.stream()
                            .filter(Map.class::isInstance)
                            .map(feature -> (Map<String, Object>) feature)
                            .map(feature -> {
                                Map<String, Object> properties = feature.get("properties") instanceof Map<?, ?> p
                                        ? (Map<String, Object>) p
                                        : Map.of();
                                return new Zone(
                                        String.valueOf(feature.getOrDefault("id", "")),
                                        String.valueOf(properties.getOrDefault("code", "")),
                                        String.valueOf(properties.getOrDefault("name", "")),
                                        String.valueOf(properties.getOrDefault("kind", "")));
                            })
                            .toList();
                })
                .onErrorResume(ApiProblem.class, unavailable -> Mono.just(List.of()));
    }

    Mono<Map<String, String>> categories() {
        return categories.names();
    }

    static @org.jspecify.annotations.Nullable UUID idOrNull(@org.jspecify.annotations.Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
