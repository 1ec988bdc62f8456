package vn.urbanorder.province.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.ProvinceApi;
import vn.urbanorder.api.model.NewWardAdminDto;
import vn.urbanorder.api.model.NewWardAreaDto;
import vn.urbanorder.api.model.NewWardDto;
import vn.urbanorder.api.model.ProvinceSummaryDto;
import vn.urbanorder.api.model.ProvinceWardDetailDto;
import vn.urbanorder.api.model.ProvinceWardListDto;
import vn.urbanorder.api.model.UserDto;
import vn.urbanorder.api.model.UserPageDto;
import vn.urbanorder.api.model.WardChangesDto;
import vn.urbanorder.api.model.WardFeatureCollectionDto;
import vn.urbanorder.api.model.WardImportDto;
import vn.urbanorder.api.model.WardImportPreviewDto;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.province.ProvinceWards;
import vn.urbanorder.province.WardImports;
import vn.urbanorder.shared.CalendarBounds;
import vn.urbanorder.shared.InvalidRequestException;

/**
 * The province's own officers' API: both province roles read, only PROVINCE_ADMIN changes. Ward
 * users get 403 here; another province's ward is a 404 on every route that names one.
 */
@RestController
class ProvinceController implements ProvinceApi {

    private static final String READERS = "hasAnyRole('PROVINCE_ADMIN', 'PROVINCE_INSPECTOR')";
    private static final String ADMINS = "hasRole('PROVINCE_ADMIN')";

    private final ProvinceWards wards;
    private final WardImports imports;
    private final ProvinceViews views;
    private final Clock clock;

    ProvinceController(ProvinceWards wards, WardImports imports, ProvinceViews views, Clock clock) {
        this.wards = wards;
        this.imports = imports;
        this.views = views;
        this.clock = clock;
    }

    @Override
    @PreAuthorize(READERS)
    public Mono<ResponseEntity<ProvinceSummaryDto>> getProvince(ServerWebExchange exchange) {
        return Caller.current().flatMap(wards::province).map(found -> ok(views.toApi(found)));
    }

    @Override
    @PreAuthorize(READERS)
    public Mono<ResponseEntity<ProvinceWardListDto>> listWards(
            @Nullable OffsetDateTime at, ServerWebExchange exchange) {
        var moment =
                at == null ? clock.instant() : CalendarBounds.check("at", at).toInstant();
        return Caller.current()
                .flatMap(caller -> wards.wards(caller, moment).collectList())
                .map(found -> ok(views.toApi(found)));
    }

    @Override
    @PreAuthorize(READERS)
    public Mono<ResponseEntity<ProvinceWardDetailDto>> getWard(UUID id, ServerWebExchange exchange) {
        return Caller.current().flatMap(caller -> wards.ward(caller, id)).map(found -> ok(views.toApi(found)));
    }

    @Override
    @PreAuthorize(ADMINS)
    public Mono<ResponseEntity<ProvinceWardDetailDto>> createWard(
            Mono<NewWardDto> newWard, ServerWebExchange exchange) {
        return Caller.current()
                .zipWith(newWard)
                .flatMap(create -> {
                    NewWardDto ward = create.getT2();
                    return wards.create(
                            create.getT1(),
                            ward.getCode(),
                            ward.getName(),
                            ward.getTimeZone(),
                            views.geoJson(ward.getServiceArea()),
                            CalendarBounds.check("effectiveFrom", ward.getEffectiveFrom()));
                })
                .map(created -> ResponseEntity.created(
                                URI.create("/api/v1/wards/" + created.ward().id()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(views.toApi(created)));
    }

    @Override
    @PreAuthorize(ADMINS)
    public Mono<ResponseEntity<ProvinceWardDetailDto>> updateWard(
            UUID id, Mono<WardChangesDto> changes, ServerWebExchange exchange) {
        return Caller.current()
                .zipWith(changes)
                .flatMap(change -> {
                    if (change.getT2().getCode() != null) {
                        return Mono.error(InvalidRequestException.of(
                                "code", "Mã phường, xã không đổi được: số hiệu các phản ánh mang mã này."));
                    }
                    return wards.change(
                            change.getT1(),
                            id,
                            change.getT2().getName(),
                            change.getT2().getTimeZone());
                })
                .map(changed -> ok(views.toApi(changed)));
    }

    @Override
    @PreAuthorize(ADMINS)
    public Mono<ResponseEntity<ProvinceWardDetailDto>> changeWardArea(
            UUID id, Mono<NewWardAreaDto> area, ServerWebExchange exchange) {
        return Caller.current()
                .zipWith(area)
                .flatMap(change -> {
                    LocalDate from =
                            CalendarBounds.check("effectiveFrom", change.getT2().getEffectiveFrom());
                    return wards.changeArea(
                            change.getT1(), id, views.geoJson(change.getT2().getServiceArea()), from);
                })
                .map(changed -> ok(views.toApi(changed)));
    }

    @Override
    @PreAuthorize(ADMINS)
    public Mono<ResponseEntity<UserPageDto>> listWardAdmins(UUID id, ServerWebExchange exchange) {
        return Caller.current().flatMap(caller -> wards.admins(caller, id)).map(found -> ok(views.toApi(found)));
    }

    @Override
    @PreAuthorize(ADMINS)
    public Mono<ResponseEntity<UserDto>> createWardAdmin(
            UUID id, Mono<NewWardAdminDto> newAdmin, ServerWebExchange exchange) {
        return Caller.current()
                .zipWith(newAdmin)
                .flatMap(create -> {
                    NewWardAdminDto admin = create.getT2();
                    return wards.createAdmin(
                            create.getT1(),
                            id,
                            admin.getUsername(),
                            admin.getDisplayName(),
                            admin.getPhone(),
                            admin.getPassword());
                })
                .map(created -> ResponseEntity.status(HttpStatus.CREATED)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(views.toApi(created)));
    }

    @Override
    @PreAuthorize(ADMINS)
    public Mono<ResponseEntity<WardImportPreviewDto>> previewWardImport(
            Mono<WardFeatureCollectionDto> file, @Nullable LocalDate effectiveFrom, ServerWebExchange exchange) {
        return Caller.current()
                .zipWith(file)
                .flatMap(upload -> imports.preview(upload.getT1(), views.toDomain(upload.getT2()), effectiveFrom))
                .map(preview -> ok(views.toApi(preview)));
    }

    @Override
    @PreAuthorize(ADMINS)
    public Mono<ResponseEntity<WardImportDto>> importWards(
            Mono<WardFeatureCollectionDto> file, @Nullable LocalDate effectiveFrom, ServerWebExchange exchange) {
        return Caller.current()
                .zipWith(file)
                .flatMap(upload -> imports.importFile(upload.getT1(), views.toDomain(upload.getT2()), effectiveFrom))
                .map(imported -> ok(views.toApi(imported)));
    }

    private static <T> ResponseEntity<T> ok(T body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
