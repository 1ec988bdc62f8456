package vn.urbanorder.console.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.model.UnitDto;
import vn.urbanorder.api.model.UnitListDto;
import vn.urbanorder.console.ConsoleApi;

/** The ward's units, zones and categories as the inspectors' filters and forms list them, from the API. */
@Component
class InspectorLists {

    private final ConsoleApi api;
    private final ConsoleCategories categories;
    private final ConsoleZones zones;

    InspectorLists(ConsoleApi api, ConsoleCategories categories, ConsoleZones zones) {
        this.api = api;
        this.categories = categories;
        this.zones = zones;
    }

    Mono<List<UnitDto>> units() {
        return api.get(uri -> uri.path("/api/v1/units").build(), UnitListDto.class)
                .map(UnitListDto::getItems);
    }

    /** Zones first, then segments. */
    Mono<List<ConsoleZones.Zone>> zones() {
        return zones.current().map(ConsoleZones.WardMap::all);
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
