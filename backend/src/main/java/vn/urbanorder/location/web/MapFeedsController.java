package vn.urbanorder.location.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.MapsApi;
import vn.urbanorder.api.model.LocationFeatureCollection;
import vn.urbanorder.api.model.Report;
import vn.urbanorder.api.model.ReportFeature;
import vn.urbanorder.api.model.ReportFeatureCollection;
import vn.urbanorder.api.model.ReportFeatureProperties;
import vn.urbanorder.api.model.ReportStatus;
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
    public Mono<ResponseEntity<LocationFeatureCollection>> locationsGeoJson(
            Boolean repeat,
            String category,
            UUID zoneId,
            OffsetDateTime from,
            OffsetDateTime to,
            String bbox,
            Integer limit,
            ServerWebExchange exchange) {
        var filter =
                LocationViews.filter(repeat, category, zoneId, from, to, bbox, LocationSort.LAST_SEEN_AT, null, limit);
        return Caller.current()
                .flatMap(caller -> locations.list(caller, filter))
                .map(page -> ResponseEntity.ok()
                        .contentType(GEO_JSON)
                        .body(new LocationFeatureCollection()
                                .type(LocationFeatureCollection.TypeEnum.FEATURE_COLLECTION)
                                .truncated(page.next() != null)
                                .features(page.items().stream()
                                        .map(LocationViews::feature)
                                        .toList())));
    }

    @Override
    public Mono<ResponseEntity<ReportFeatureCollection>> reportsGeoJson(
            List<ReportStatus> status,
            String unitId,
            String category,
            String subtype,
            UUID reporterId,
            OffsetDateTime from,
            OffsetDateTime to,
            String bbox,
            String q,
            Boolean overdue,
            vn.urbanorder.api.model.ReportFlag flag,
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
                                null))
                .map(page -> ResponseEntity.ok()
                        .contentType(GEO_JSON)
                        .body(new ReportFeatureCollection()
                                .type(ReportFeatureCollection.TypeEnum.FEATURE_COLLECTION)
                                .truncated(page.next() != null)
                                .features(page.items().stream()
                                        .map(report -> feature(views.view(report, caller)))
                                        .toList()))));
    }

    /** What the map shows of a report, taken from the report as the reader sees it. */
    private static ReportFeature feature(Report report) {
        return new ReportFeature()
                .type(ReportFeature.TypeEnum.FEATURE)
                .id(report.getId().toString())
                .geometry(LocationViews.point(new GeoPoint(
                        report.getLocation().getLat(), report.getLocation().getLon())))
                .properties(new ReportFeatureProperties()
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
