package vn.urbanorder.report.web;

import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.HandlingApi;
import vn.urbanorder.api.model.Report;
import vn.urbanorder.api.model.ReportActionRequest;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.report.ActionRequest;
import vn.urbanorder.report.Handling;
import vn.urbanorder.report.ReportAction;

@RestController
class ActionsController implements HandlingApi {

    private final Handling handling;
    private final ReportViews views;

    ActionsController(Handling handling, ReportViews views) {
        this.handling = handling;
        this.views = views;
    }

    @Override
    public Mono<ResponseEntity<Report>> actOnReport(
            UUID id, Mono<ReportActionRequest> body, String ifMatch, ServerWebExchange exchange) {
        return Caller.current().zipWith(body).flatMap(act -> {
            ReportActionRequest sent = act.getT2();
            Integer headerVersion = IfMatch.version(ifMatch);
            var request = new ActionRequest(
                    ReportAction.valueOf(sent.getAction().getValue()),
                    sent.getNote(),
                    sent.getUnitId(),
                    sent.getReason() == null ? null : sent.getReason().getValue(),
                    sent.getDuplicateOf(),
                    headerVersion != null ? headerVersion : sent.getExpectedVersion(),
                    headerVersion != null);
            return handling.act(act.getT1(), id, request).map(report -> ResponseEntity.ok()
                    .eTag("\"" + report.version() + "\"")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(views.view(report, act.getT1())));
        });
    }
}
