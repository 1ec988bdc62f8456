package vn.urbanorder.assignment.web;

import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.UnitsApi;
import vn.urbanorder.api.model.NewUnitDto;
import vn.urbanorder.api.model.UnitChangesDto;
import vn.urbanorder.api.model.UnitDto;
import vn.urbanorder.api.model.UnitListDto;
import vn.urbanorder.assignment.Unit;
import vn.urbanorder.assignment.Units;
import vn.urbanorder.identity.Caller;

@RestController
class UnitsController implements UnitsApi {

    private final Units units;
    private final AssignmentWebMapper mapper;

    UnitsController(Units units, AssignmentWebMapper mapper) {
        this.units = units;
        this.mapper = mapper;
    }

    @Override
    public Mono<ResponseEntity<UnitListDto>> listUnits(@Nullable Boolean active, ServerWebExchange exchange) {
        return Caller.current().flatMap(caller -> units.list(caller, active)).map(found -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(new UnitListDto().items(found.stream().map(mapper::toApi).toList())));
    }

    @Override
    public Mono<ResponseEntity<UnitDto>> getUnit(UUID id, ServerWebExchange exchange) {
        return Caller.current().flatMap(caller -> units.find(caller, id)).map(this::ok);
    }

    @Override
    @PreAuthorize("hasRole('WARD_ADMIN')")
    public Mono<ResponseEntity<UnitDto>> createUnit(Mono<NewUnitDto> newUnit, ServerWebExchange exchange) {
        return Caller.current()
                .zipWith(newUnit)
                .flatMap(create -> units.create(create.getT1(), mapper.toDomain(create.getT2())))
                .map(created -> ResponseEntity.created(URI.create("/api/v1/units/" + created.id()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(mapper.toApi(created)));
    }

    @Override
    @PreAuthorize("hasRole('WARD_ADMIN')")
    public Mono<ResponseEntity<UnitDto>> updateUnit(UUID id, Mono<UnitChangesDto> changes, ServerWebExchange exchange) {
        return Caller.current()
                .zipWith(changes)
                .flatMap(update -> units.update(update.getT1(), id, mapper.toDomain(update.getT2())))
                .map(this::ok);
    }

    private ResponseEntity<UnitDto> ok(Unit unit) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(mapper.toApi(unit));
    }
}
