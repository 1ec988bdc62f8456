package vn.urbanorder.report.web;

import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.urbanorder.api.ReportEventsApi;
import vn.urbanorder.api.model.EventChainCheckDto;
import vn.urbanorder.api.model.ReportEventDto;
import vn.urbanorder.api.model.ReportEventListDto;
import vn.urbanorder.api.model.ReporterDto;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.report.ReportEvent;
import vn.urbanorder.report.ReportQueries;

@RestController
class ReportEventsController implements ReportEventsApi {

    private static final TypeReference<java.util.Map<String, Object>> DATA = new TypeReference<>() {};

    private final ReportQueries queries;
    private final JsonMapper json;

    ReportEventsController(ReportQueries queries, JsonMapper json) {
        this.queries = queries;
        this.json = json;
    }

    @Override
    public Mono<ResponseEntity<ReportEventListDto>> listReportEvents(UUID id, ServerWebExchange exchange) {
        return Caller.current().flatMap(caller -> queries.events(caller, id)).map(events -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(new ReportEventListDto()
                        .items(events.stream().map(this::toApi).toList())));
    }

    @Override
    public Mono<ResponseEntity<EventChainCheckDto>> verifyReportEvents(UUID id, ServerWebExchange exchange) {
        return Caller.current()
                .flatMap(caller -> queries.verifyEvents(caller, id))
                .map(check -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(new EventChainCheckDto()
                                .intact(check.intact())
                                .events(check.events())
                                .brokenAt(check.brokenAt())
                                .reason(check.reason())));
    }

    private ReportEventDto toApi(ReportEvent event) {
        return new ReportEventDto()
                .seq(event.seq())
                .at(event.at().atOffset(ZoneOffset.UTC))
                .actor(
                        event.actorId() == null
                                ? null
                                : new ReporterDto().id(event.actorId()).displayName(event.actorName()))
                .type(event.type())
                .fromStatus(event.fromStatus())
                .toStatus(event.toStatus())
                .note(event.note())
                .data(json.readValue(event.data(), DATA))
                .prevHash(event.prevHash())
                .hash(event.hash());
    }
}
