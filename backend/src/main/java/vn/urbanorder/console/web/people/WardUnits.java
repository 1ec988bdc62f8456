package vn.urbanorder.console.web.people;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.model.UnitDto;
import vn.urbanorder.api.model.UnitListDto;
import vn.urbanorder.console.ConsoleApi;
import vn.urbanorder.identity.Caller;

/** The ward's units as the people pages show them: names by id, and those a person may join. */
@Component
class WardUnits {

    private final ConsoleApi api;

    WardUnits(ConsoleApi api) {
        this.api = api;
    }

    /** The ward's units; none for a province admin (the province's officers belong to no unit). */
    Mono<Names> names() {
        return Caller.current()
                .flatMap(caller -> caller.ofProvince()
                        ? Mono.just(new Names(List.of()))
                        : api.get(uri -> uri.path("/api/v1/units").build(), UnitListDto.class)
                                .map(list -> new Names(list.getItems())));
    }

    /** Every unit of the ward, by code, and their names by id for the templates (a call, not an index). */
    record Names(List<UnitDto> units) {

        Names {
            units = List.copyOf(units);
        }

        public String label(@Nullable UUID id) {
            if (id == null) {
                return "";
            }
            return byId().getOrDefault(id, id.toString());
        }

        /** The units a person can be put in: the active ones, and the one they are in now. */
        public List<UnitDto> choices(@Nullable Object current) {
            String kept = current == null ? "" : current.toString();
            return units.stream()
                    .filter(unit -> Boolean.TRUE.equals(unit.getActive())
                            || unit.getId().toString().equals(kept))
                    .toList();
        }

        private Map<UUID, String> byId() {
            Map<UUID, String> names = new LinkedHashMap<>();
            units.forEach(unit -> names.put(unit.getId(), unit.getName() + " (" + unit.getCode() + ")"));
            return names;
        }
    }
}
