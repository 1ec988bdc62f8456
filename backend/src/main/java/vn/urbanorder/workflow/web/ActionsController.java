package vn.urbanorder.workflow.web;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.Part;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.HandlingApi;
import vn.urbanorder.api.model.ReportActionRequestDto;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.photo.UploadedPhoto;
import vn.urbanorder.photo.web.PhotoParts;
import vn.urbanorder.photo.web.UploadGate;
import vn.urbanorder.report.ReportAction;
import vn.urbanorder.report.web.ReportViews;
import vn.urbanorder.workflow.ActionRequest;
import vn.urbanorder.workflow.Handling;

@RestController
class ActionsController implements HandlingApi {

    private final Handling handling;
    private final ReportViews views;
    private final PhotoParts photoParts;
    private final UploadGate uploads;

    ActionsController(Handling handling, ReportViews views, PhotoParts photoParts, UploadGate uploads) {
        this.handling = handling;
        this.views = views;
        this.photoParts = photoParts;
        this.uploads = uploads;
    }

    /** JSON, for every action but RESOLVE. */
    @Override
    public Mono<ResponseEntity<ReportDto>> actOnReport(
            UUID id, Mono<ReportActionRequestDto> body, @Nullable String ifMatch, ServerWebExchange exchange) {
        return Caller.current().zipWith(body).flatMap(sent -> act(sent.getT1(), sent.getT2(), id, ifMatch, List.of()));
    }

    /**
     * The multipart form: an {@code action} part (JSON) and the {@code photos} parts, for RESOLVE.
     * Also taken on the JSON operation's path, where clients built before it had a path of its own send it.
     */
    @Override
    @PostMapping(
            path = {PATH_ACT_ON_REPORT_WITH_PHOTOS, PATH_ACT_ON_REPORT},
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    public Mono<ResponseEntity<ReportDto>> actOnReportWithPhotos(
            UUID id,
            Mono<ReportActionRequestDto> body,
            @Nullable String ifMatch,
            Flux<Part> photos,
            ServerWebExchange exchange) {
        // The whole form arrives first; only reading its photos and acting takes an upload slot.
        return Caller.current()
                .zipWith(body)
                .zipWith(photoParts.received(photos))
                .flatMap(sent -> uploads.through(photoParts.receive(
                        sent.getT2(),
                        files -> act(sent.getT1().getT1(), sent.getT1().getT2(), id, ifMatch, files))));
    }

    private Mono<ResponseEntity<ReportDto>> act(
            Caller caller, ReportActionRequestDto sent, UUID id, @Nullable String ifMatch, List<UploadedPhoto> photos) {
        Integer headerVersion = IfMatch.version(ifMatch);
        var request = new ActionRequest(
                ReportAction.valueOf(sent.getAction().getValue()),
                sent.getNote(),
                sent.getUnitId(),
                sent.getReason() == null ? null : sent.getReason().getValue(),
                sent.getDuplicateOf(),
                headerVersion != null ? headerVersion : sent.getExpectedVersion(),
                headerVersion != null);
        return handling.act(caller, id, request, photos).map(report -> ResponseEntity.ok()
                .eTag("\"" + report.version() + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(views.view(report, caller)));
    }
}
