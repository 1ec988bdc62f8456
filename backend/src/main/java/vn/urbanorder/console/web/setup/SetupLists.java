package vn.urbanorder.console.web.setup;

import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.model.CategoryDto;
import vn.urbanorder.api.model.UnitDto;
import vn.urbanorder.api.model.UnitListDto;
import vn.urbanorder.api.model.ZoneFeatureCollectionDto;
import vn.urbanorder.api.model.ZoneFeatureDto;
import vn.urbanorder.console.ConsoleApi;

/** What the set-up forms offer to choose from, asked afresh for each form (an admin's page, seldom opened). */
@Component
class SetupLists {

    /** A zone or segment of the current map, to choose in a rule. */
    record Place(String code, String name) {}

    /** The current map's zones and segments. */
    record Places(List<Place> zones, List<Place> segments) {}

    private final ConsoleApi api;

    SetupLists(ConsoleApi api) {
        this.api = api;
    }

    Mono<List<CategoryDto>> categories() {
        return api.get(uri -> uri.path("/api/v1/categories").build(), CategoryDto[].class)
                .map(List::of);
    }

    Mono<List<UnitDto>> units() {
        return api.get(uri -> uri.path("/api/v1/units").build(), UnitListDto.class)
                .map(UnitListDto::getItems);
    }

    Mono<Places> places() {
        return api.get(uri -> uri.path("/api/v1/zones").build(), ZoneFeatureCollectionDto.class)
                .map(map -> new Places(of(map, "ZONE"), of(map, "SEGMENT")));
    }

    private static List<Place> of(ZoneFeatureCollectionDto map, String kind) {
        return map.getFeatures().stream()
                .map(ZoneFeatureDto::getProperties)
                .filter(properties -> kind.equals(properties.getKind()))
                .map(properties -> new Place(properties.getCode(), properties.getName()))
                .toList();
    }
}
