package vn.urbanorder.report.web;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.ReportsApi;
import vn.urbanorder.api.model.NearbyReportsDto;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.api.model.ReportFlagDto;
import vn.urbanorder.api.model.ReportPageDto;
import vn.urbanorder.api.model.ReportStatusDto;
import vn.urbanorder.api.model.ReportSubmissionDto;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.photo.web.PhotoParts;
import vn.urbanorder.photo.web.PhotoResponses;
import vn.urbanorder.photo.web.UploadGate;
import vn.urbanorder.report.Intake;
import vn.urbanorder.report.ReportCursor;
import vn.urbanorder.report.ReportIntake;
import vn.urbanorder.report.ReportQueries;
import vn.urbanorder.report.ReportSort;
import vn.urbanorder.shared.GeoPoint;
import vn.urbanorder.shared.InvalidRequestException;

@RestController
class ReportsController implements ReportsApi {

    private final ReportIntake intake;
    private final ReportQueries queries;
    private final ReportWebMapper mapper;
    private final UploadGate uploads;
    private final ReportViews views;
    private final PhotoParts photoParts;
    private final PhotoResponses photoResponses;

    ReportsController(
            ReportIntake intake,
            ReportQueries queries,
            ReportWebMapper mapper,
            UploadGate uploads,
            ReportViews views,
            PhotoParts photoParts,
            PhotoResponses photoResponses) {
        this.intake = intake;
        this.queries = queries;
        this.mapper = mapper;
        this.uploads = uploads;
        this.views = views;
        this.photoParts = photoParts;
        this.photoResponses = photoResponses;
    }

    /** JSON without photos. */
    @Override
    @PreAuthorize("hasRole('PATROL') or hasRole('INSPECTOR')")
    public Mono<ResponseEntity<ReportDto>> submitReport(
            Mono<ReportSubmissionDto> submission, ServerWebExchange exchange) {
        return Caller.current().zipWith(submission).flatMap(submit -> intake.submit(
                        submit.getT1(), mapper.toDomain(submit.getT2()))
                .map(result -> answer(result, submit.getT1())));
    }

    /**
     * The multipart form: a {@code report} part (JSON) and up to six {@code photos} parts. Also
     * taken on the JSON operation's path, where clients built before it had a path of its own send it.
     */
    @Override
    @PreAuthorize("hasRole('PATROL') or hasRole('INSPECTOR')")
    @PostMapping(
            path = {PATH_SUBMIT_REPORT_WITH_PHOTOS, PATH_SUBMIT_REPORT},
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    public Mono<ResponseEntity<ReportDto>> submitReportWithPhotos(
            Mono<ReportSubmissionDto> submission, Flux<Part> photos, ServerWebExchange exchange) {
        // The whole form arrives first, then the photos are read into memory and recorded
        // under a slot: a slow sender holds no slot while its bytes trickle in.
        return Caller.current()
                .zipWith(submission)
                .zipWith(photoParts.received(photos))
                .flatMap(submit -> uploads.through(photoParts
                        .receive(
                                submit.getT2(),
                                files -> intake.submit(
                                        submit.getT1().getT1(),
                                        mapper.toDomain(submit.getT1().getT2()),
                                        files))
                        .map(result -> answer(result, submit.getT1().getT1()))));
    }

    /**
     * The photo in the size asked for. The generated interface answers a {@code Resource}; the
     * body is a resource that streams from storage, written by {@code photo.web}'s own codec, so
     * no photo is held whole and nothing blocks an event loop (see {@link PhotoResponses}).
     */
    @Override
    public Mono<ResponseEntity<Resource>> getReportPhoto(
            UUID id, UUID photoId, @Nullable String size, ServerWebExchange exchange) {
        return photoResponses.answer(
                Caller.current().flatMap(caller -> queries.photo(caller, id, photoId)), size, exchange);
    }

    private ResponseEntity<ReportDto> answer(Intake result, Caller caller) {
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/reports/" + result.report().id()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(views.view(result.report(), caller));
    }

    @Override
    public Mono<ResponseEntity<ReportDto>> getReport(UUID id, ServerWebExchange exchange) {
        return Caller.current().flatMap(caller -> queries.find(caller, id).map(report -> ResponseEntity.ok()
                .eTag("\"" + report.version() + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(views.view(report, caller))));
    }

    @Override
    public Mono<ResponseEntity<ReportPageDto>> listReports(
            @Nullable List<ReportStatusDto> status,
            @Nullable String unitId,
            @Nullable String sort,
            @Nullable String category,
            @Nullable String subtype,
            @Nullable UUID reporterId,
            @Nullable OffsetDateTime from,
            @Nullable OffsetDateTime to,
            @Nullable String bbox,
            @Nullable String q,
            Integer limit,
            @Nullable String cursor,
            @Nullable Boolean overdue,
            @Nullable ReportFlagDto flag,
            @Nullable UUID inspectionRoundId,
            @Nullable UUID zoneId,
            @Nullable UUID segmentId,
            ServerWebExchange exchange) {
        ReportSort order = sortOf(sort);
        return Caller.current().flatMap(caller -> queries.list(
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
                                        order,
                                        ReportCursor.decode(cursor, order))
                                .onRound(inspectionRoundId)
                                .inPlace(zoneId, segmentId))
                .map(page -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(new ReportPageDto()
                                .items(page.items().stream()
                                        .map(report -> views.view(report, caller))
                                        .toList())
                                .nextCursor(
                                        page.next() == null ? null : page.next().encode()))));
    }

    private static ReportSort sortOf(@Nullable String sort) {
        if (sort == null || sort.equals("observedAt")) {
            return ReportSort.OBSERVED_AT;
        }
        if (sort.equals("dueAt")) {
            return ReportSort.DUE_AT;
        }
        throw InvalidRequestException.of("sort", "phải là observedAt hoặc dueAt");
    }

    @Override
    public Mono<ResponseEntity<NearbyReportsDto>> listNearbyReports(
            Double lat, Double lon, Integer radiusM, ServerWebExchange exchange) {
        return Caller.current().flatMap(caller -> queries.nearby(caller, new GeoPoint(lat, lon), radiusM)
                .map(found -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(new NearbyReportsDto()
                                .items(found.stream()
                                        .map(nearby -> views.view(nearby, caller))
                                        .toList()))));
    }

    /** {@code minLon,minLat,maxLon,maxLat}; a 422 on the {@code bbox} field for anything else. */
}
