package vn.urbanorder.review.web;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.ReviewsApi;
import vn.urbanorder.api.model.ReportPageDto;
import vn.urbanorder.api.model.ReportStatusDto;
import vn.urbanorder.api.model.ReporterDto;
import vn.urbanorder.api.model.ReviewDto;
import vn.urbanorder.api.model.ReviewListDto;
import vn.urbanorder.api.model.ReviewRequestDto;
import vn.urbanorder.api.model.VerdictDto;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.photo.UploadedPhoto;
import vn.urbanorder.photo.web.PhotoParts;
import vn.urbanorder.photo.web.UploadGate;
import vn.urbanorder.report.ReportCursor;
import vn.urbanorder.report.ReportFilter;
import vn.urbanorder.report.ReportQueries;
import vn.urbanorder.report.ReportSort;
import vn.urbanorder.report.web.ReportViews;
import vn.urbanorder.review.Review;
import vn.urbanorder.review.Reviews;
import vn.urbanorder.review.Verdict;

@RestController
class ReviewsController implements ReviewsApi {

    private final Reviews reviews;
    private final PhotoParts photoParts;
    private final UploadGate uploads;
    private final ReportQueries reports;
    private final ReportViews views;

    ReviewsController(
            Reviews reviews, PhotoParts photoParts, UploadGate uploads, ReportQueries reports, ReportViews views) {
        this.reviews = reviews;
        this.photoParts = photoParts;
        this.uploads = uploads;
        this.reports = reports;
        this.views = views;
    }

    /** What waits for the inspectors, longest waiting first. */
    @Override
    @PreAuthorize("hasRole('INSPECTOR') or hasRole('WARD_ADMIN')")
    public Mono<ResponseEntity<ReportPageDto>> reviewQueue(
            @Nullable UUID unitId,
            @Nullable UUID zoneId,
            Integer limit,
            @Nullable String cursor,
            ServerWebExchange exchange) {
        return Caller.current().flatMap(caller -> reports.list(
                        caller,
                        ReportFilter.reviewQueue(
                                unitId, zoneId, limit, ReportCursor.decode(cursor, ReportSort.REVIEW_QUEUE)))
                .map(page -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(new ReportPageDto()
                                .items(page.items().stream()
                                        .map(report -> views.view(report, caller))
                                        .toList())
                                .nextCursor(
                                        page.next() == null ? null : page.next().encode()))));
    }

    @Override
    public Mono<ResponseEntity<ReviewListDto>> listReviews(UUID id, ServerWebExchange exchange) {
        return Caller.current().flatMap(caller -> reviews.of(caller, id)).map(found -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(new ReviewListDto()
                        .items(found.stream().map(ReviewsController::toApi).toList())));
    }

    /** JSON, without photos. */
    @Override
    @PreAuthorize("hasRole('INSPECTOR')")
    public Mono<ResponseEntity<ReviewDto>> reviewReport(
            UUID id, Mono<ReviewRequestDto> reviewRequest, ServerWebExchange exchange) {
        return Caller.current()
                .zipWith(reviewRequest)
                .flatMap(sent -> review(sent.getT1(), id, sent.getT2(), List.of()));
    }

    /**
     * The multipart form: a {@code review} part (JSON) and up to six {@code photos} parts. Also
     * taken on the JSON operation's path, where clients built before it had a path of its own send it.
     */
    @Override
    @PreAuthorize("hasRole('INSPECTOR')")
    @PostMapping(
            path = {PATH_REVIEW_REPORT_WITH_PHOTOS, PATH_REVIEW_REPORT},
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    public Mono<ResponseEntity<ReviewDto>> reviewReportWithPhotos(
            UUID id, Mono<ReviewRequestDto> reviewRequest, Flux<Part> photos, ServerWebExchange exchange) {
        // The whole form arrives first; only reading its photos and recording takes an upload slot.
        return Caller.current()
                .zipWith(reviewRequest)
                .zipWith(photoParts.received(photos))
                .flatMap(sent -> uploads.through(photoParts.receive(
                        sent.getT2(),
                        files -> review(sent.getT1().getT1(), id, sent.getT1().getT2(), files))));
    }

    private Mono<ResponseEntity<ReviewDto>> review(
            Caller caller, UUID id, ReviewRequestDto sent, List<UploadedPhoto> photos) {
        return reviews.review(caller, id, Verdict.valueOf(sent.getVerdict().getValue()), sent.getComment(), photos)
                .map(review -> ResponseEntity.created(URI.create("/api/v1/reports/" + id + "/reviews"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(toApi(review)));
    }

    private static ReviewDto toApi(Review review) {
        return new ReviewDto()
                .id(review.id())
                .reportId(review.reportId())
                .reviewer(new ReporterDto().id(review.reviewerId()).displayName(review.reviewerName()))
                .verdict(VerdictDto.fromValue(review.verdict().name()))
                .comment(review.comment())
                .fromStatus(ReportStatusDto.fromValue(review.fromStatus()))
                .toStatus(ReportStatusDto.fromValue(review.toStatus()))
                .photos(review.photos())
                .createdAt(review.createdAt().atOffset(ZoneOffset.UTC));
    }
}
