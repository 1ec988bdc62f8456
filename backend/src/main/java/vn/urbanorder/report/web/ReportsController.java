package vn.urbanorder.report.web;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.ReportsApi;
import vn.urbanorder.api.model.NearbyReports;
import vn.urbanorder.api.model.Report;
import vn.urbanorder.api.model.ReportPage;
import vn.urbanorder.api.model.ReportStatus;
import vn.urbanorder.api.model.ReportSubmission;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.report.ReportCursor;
import vn.urbanorder.report.ReportFilter;
import vn.urbanorder.report.ReportIntake;
import vn.urbanorder.report.ReportQueries;
import vn.urbanorder.shared.GeoPoint;
import vn.urbanorder.shared.InvalidRequestException;

@RestController
class ReportsController implements ReportsApi {

    private final ReportIntake intake;
    private final ReportQueries queries;
    private final ReportWebMapper mapper;

    ReportsController(ReportIntake intake, ReportQueries queries, ReportWebMapper mapper) {
        this.intake = intake;
        this.queries = queries;
        this.mapper = mapper;
    }

    @Override
    @PreAuthorize("hasRole('PATROL')")
    public Mono<ResponseEntity<Report>> submitReport(Mono<ReportSubmission> submission, ServerWebExchange exchange) {
        return Caller.current()
                .zipWith(submission)
                .flatMap(submit -> intake.submit(submit.getT1(), mapper.toDomain(submit.getT2())))
                .map(result -> ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                        .location(
                                URI.create("/api/v1/reports/" + result.report().id()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(mapper.toApi(result.report())));
    }

    @Override
    public Mono<ResponseEntity<Report>> getReport(UUID id, ServerWebExchange exchange) {
        return Caller.current().flatMap(caller -> queries.find(caller, id)).map(report -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(mapper.toApi(report)));
    }

    @Override
    public Mono<ResponseEntity<ReportPage>> listReports(
            ReportStatus status,
            String category,
            String subtype,
            UUID reporterId,
            OffsetDateTime from,
            OffsetDateTime to,
            String bbox,
            String q,
            Integer limit,
            String cursor,
            ServerWebExchange exchange) {
        return Caller.current()
                .flatMap(caller -> queries.list(
                        caller,
                        new ReportFilter(
                                status == null ? null : vn.urbanorder.report.ReportStatus.valueOf(status.name()),
                                category,
                                subtype,
                                reporterId,
                                from == null ? null : from.toInstant(),
                                to == null ? null : to.toInstant(),
                                BoundingBox.parse(bbox),
                                q,
                                limit,
                                ReportCursor.decode(cursor))))
                .map(page -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(new ReportPage()
                                .items(page.items().stream().map(mapper::toApi).toList())
                                .nextCursor(
                                        page.next() == null ? null : page.next().encode())));
    }

    @Override
    public Mono<ResponseEntity<NearbyReports>> listNearbyReports(
            Double lat, Double lon, Integer radiusM, ServerWebExchange exchange) {
        return Caller.current()
                .flatMap(caller -> queries.nearby(caller, new GeoPoint(lat, lon), radiusM))
                .map(found -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(new NearbyReports()
                                .items(found.stream().map(mapper::toApi).toList())));
    }

    /** {@code minLon,minLat,maxLon,maxLat}; a 422 on the {@code bbox} field for anything else. */
    static final class BoundingBox {

        private BoundingBox() {}

        static double[] parse(String bbox) {
            if (bbox == null || bbox.isBlank()) {
                return null;
            }
            try {
                String[] parts = bbox.split(",");
                double[] box = new double[4];
                for (int i = 0; i < 4; i++) {
                    box[i] = Double.parseDouble(parts[i].strip());
                }
                boolean valid = parts.length == 4
                        && box[0] >= -180
                        && box[2] <= 180
                        && box[1] >= -90
                        && box[3] <= 90
                        && box[0] <= box[2]
                        && box[1] <= box[3];
                if (valid) {
                    return box;
                }
            } catch (RuntimeException malformed) {
                // fall through to the problem below
            }
            throw InvalidRequestException.of("bbox", "phải có dạng minLon,minLat,maxLon,maxLat");
        }
    }
}
