package vn.urbanorder.assignment.web;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import vn.urbanorder.api.model.ZonePreviewDto;
import vn.urbanorder.api.model.ZoneVersionListDto;
import vn.urbanorder.assignment.Zones;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.shared.CalendarBounds;
import vn.urbanorder.shared.InvalidRequestException;

@RestController
class ZonesController implements ZonesApi {

    private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    private final Zones zones;
    private final ZoneGeoJson geoJson;
    private final ZoneChanges changes;

    ZonesController(Zones zones, ZoneGeoJson geoJson, ZoneChanges changes) {
        this.zones = zones;
        this.geoJson = geoJson;
        this.changes = changes;
    }

    @Override
    public Mono<ResponseEntity<ZoneFeatureCollectionDto>> listZones(
            @Nullable OffsetDateTime at, ServerWebExchange exchange) {
        return Caller.current().flatMap(caller -> {
            if (at != null) {
                return zones.at(caller, CalendarBounds.check("at", at).toInstant())
                        .map(found -> ResponseEntity.ok().contentType(GEO_JSON).body(geoJson.toApi(found)));
            }
            // The version first: a map imported in between shows as newer, never as older.
            return zones.version(caller)
                    .flatMap(version -> zones.at(caller, null).map(found -> ResponseEntity.ok()
                            .contentType(GEO_JSON)
                            .eTag(Long.toString(version))
                            .body(geoJson.toApi(found))));
        });
    }

    @Override
    @PreAuthorize("hasRole('WARD_ADMIN')")
    public Mono<ResponseEntity<ZoneImportDto>> importZones(
            Mono<ZoneFeatureCollectionDto> file, @Nullable String ifMatch, ServerWebExchange exchange) {
        Long expected = MapVersionTag.version(ifMatch);
        return Caller.current()
                .zipWith(file)
                .flatMap(upload -> zones.replace(upload.getT1(), geoJson.toDomain(upload.getT2()), expected))
                .map(imported -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .eTag(Long.toString(imported.version()))
                        .body(new ZoneImportDto()
                                .version(imported.version())
                                .zones(imported.zones())
                                .segments(imported.segments())
                                .validFrom(imported.validFrom().atOffset(ZoneOffset.UTC))));
    }

    @Override
    @PreAuthorize("hasRole('WARD_ADMIN')")
    public Mono<ResponseEntity<ZonePreviewDto>> previewZones(
            Mono<ZoneFeatureCollectionDto> file, ServerWebExchange exchange) {
        return Caller.current()
                .zipWith(file)
                .flatMap(upload -> zones.preview(upload.getT1(), geoJson.toDomain(upload.getT2())))
                .map(preview -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .eTag(Long.toString(preview.mapVersion()))
                        .body(changes.toApi(preview)));
    }

    @Override
    @PreAuthorize("hasRole('WARD_ADMIN')")
    public Mono<ResponseEntity<ZoneVersionListDto>> listZoneVersions(
            @Nullable Integer limit, ServerWebExchange exchange) {
        int size = limit == null ? 50 : limit;
        if (size < 1 || size > 200) {
            return Mono.error(InvalidRequestException.of("limit", "từ 1 đến 200"));
        }
        return Caller.current().flatMap(caller -> zones.versions(caller, size)).map(found -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(changes.toApi(found)));
    }
}
