package vn.urbanorder.location.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.MapsApi;
import vn.urbanorder.api.model.LocationFeatureCollectionDto;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.api.model.ReportFeatureCollectionDto;
import vn.urbanorder.api.model.ReportFeatureDto;
import vn.urbanorder.api.model.ReportFeaturePropertiesDto;
import vn.urbanorder.api.model.ReportFlagDto;
import vn.urbanorder.api.model.ReportStatusDto;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.location.LocationSort;
import vn.urbanorder.location.ViolationLocations;
import vn.urbanorder.report.ReportQueries;
import vn.urbanorder.report.ReportSort;
import vn.urbanorder.report.web.ReportFilters;
import vn.urbanorder.report.web.ReportViews;
import vn.urbanorder.shared.GeoPoint;

/** Map layers as GeoJSON: the ward's locations, and the reports the caller may see. */
@RestController
class MapFeedsController implements MapsApi {

    private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    private final ViolationLocations locations;
    private final ReportQueries reports;
    private final ReportViews views;

    MapFeedsController(ViolationLocations locations, ReportQueries reports, ReportViews views) {
        this.locations = locations;
        this.reports = reports;
        this.views = views;
    }

    @Override
    public Mono<ResponseEntity<LocationFeatureCollectionDto>> locationsGeoJson(
            @Nullable Boolean repeat,
            @Nullable String category,
            @Nullable UUID zoneId,
            @Nullable OffsetDateTime from,
            @Nullable OffsetDateTime to,
            @Nullable String bbox,
            Integer limit,
            ServerWebExchange exchange) {
        var filter =
                LocationViews.filter(repeat, category, zoneId, from, to, bbox, LocationSort.LAST_SEEN_AT, null, limit);
        return Caller.current()
                .flatMap(caller -> locations.list(caller, filter))
                .map(page -> ResponseEntity.ok()
                        .contentType(GEO_JSON)
                        .body(new LocationFeatureCollectionDto()
                                .type(LocationFeatureCollectionDto.TypeEnum.FEATURE_COLLECTION)
                                .truncated(page.next() != null)
                                .features(page.items().stream()
                                        .map(LocationViews::feature)
                                        .toList())));
    }

    @Override
    public Mono<ResponseEntity<ReportFeatureCollectionDto>> reportsGeoJson(
            @Nullable List<ReportStatusDto> status,
            @Nullable String unitId,
            @Nullable String category,
            @Nullable String subtype,
            @Nullable UUID reporterId,
            @Nullable OffsetDateTime from,
            @Nullable OffsetDateTime to,
            @Nullable String bbox,
            @Nullable String q,
            @Nullable Boolean overdue,
            @Nullable ReportFlagDto flag,
            @Nullable UUID zoneId,
            @Nullable UUID segmentId,
            Integer limit,
            ServerWebExchange exchange) {
        return Caller.current().flatMap(caller -> reports.withoutPhotos(
                        caller,
                        ReportFilters.of(
                                        caller,
                                        status,
                                        unitId,
                                        category,
                                        subtype,
                                        reporterId,
                                        from,
                                        to,
                                        bbox,
                                        q,
                                        overdue,
                                        flag,
                                        limit,
                                        ReportSort.OBSERVED_AT,
                                        null)
                                .inPlace(zoneId, segmentId))
                .map(page -> ResponseEntity.ok()
                        .contentType(GEO_JSON)
                        .body(new ReportFeatureCollectionDto()
                                .type(ReportFeatureCollectionDto.TypeEnum.FEATURE_COLLECTION)
                                .truncated(page.next() != null)
                                .features(page.items().stream()
                                        .map(report -> feature(views.view(report, caller)))
                                        .toList()))));
    }

    /** What the map shows of a report, taken from the report as the reader sees it. */
    private static ReportFeatureDto feature(ReportDto report) {
        return new ReportFeatureDto()
                .type(ReportFeatureDto.TypeEnum.FEATURE)
                .id(report.getId().toString())
                .geometry(LocationViews.point(new GeoPoint(
                        report.getLocation().getLat(), report.getLocation().getLon())))
                .properties(new ReportFeaturePropertiesDto()
                        .reference(report.getReference())
                        .category(report.getCategory())
                        .subtype(report.getSubtype())
                        .status(report.getStatus())
                        .observedAt(report.getObservedAt())
                        .flags(report.getFlags())
                        .overdue(report.getOverdue())
                        .violationLocationId(
                                report.getViolationLocation() == null
                                        ? null
                                        : report.getViolationLocation().getId())
                        .duplicateOf(report.getDuplicateOf()));
    }
}
