package vn.urbanorder.assignment.web;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.ZonesApi;
import vn.urbanorder.api.model.ZoneFeatureCollectionDto;
import vn.urbanorder.api.model.ZoneImportDto;
import vn.urbanorder.assignment.Zones;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.shared.CalendarBounds;

@RestController
class ZonesController implements ZonesApi {

    private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    private final Zones zones;
    private final ZoneGeoJson geoJson;

    ZonesController(Zones zones, ZoneGeoJson geoJson) {
        this.zones = zones;
        this.geoJson = geoJson;
    }

    @Override
    public Mono<ResponseEntity<ZoneFeatureCollectionDto>> listZones(
            @Nullable OffsetDateTime at, ServerWebExchange exchange) {
        return Caller.current()
                .flatMap(caller -> zones.at(
                        caller,
                        at == null ? null : CalendarBounds.check("at", at).toInstant()))
                .map(found -> ResponseEntity.ok().contentType(GEO_JSON).body(geoJson.toApi(found)));
    }

    @Override
    @PreAuthorize("hasRole('WARD_ADMIN')")
    public Mono<ResponseEntity<ZoneImportDto>> importZones(
            Mono<ZoneFeatureCollectionDto> file, ServerWebExchange exchange) {
        return Caller.current()
                .zipWith(file)
                .flatMap(upload -> zones.replace(upload.getT1(), geoJson.toDomain(upload.getT2())))
                .map(imported -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(new ZoneImportDto()
                                .zones(imported.zones())
                                .segments(imported.segments())
                                .validFrom(imported.validFrom().atOffset(java.time.ZoneOffset.UTC))));
    }
}
