package vn.urbanorder.console.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.console.ApiProblem;
import vn.urbanorder.console.ConsoleApi;

/**
 * The actions on a report's page, each a form posted here (with the page's CSRF token) and passed
 * to the API as the signed-in person, at the version the page showed ({@code If-Match}): the API
 * alone decides what may be done, so an action the page did not offer is refused there. After
 * the post the browser is sent back to the report (303) with what became of it; only fields to
 * fix render the page at once, with what was typed.
 */
@Controller
class ReportActionsController {

    /** The form fields an action may carry; anything else posted is not passed on. */
    private static final List<String> FIELDS = List.of("note", "reason", "duplicateOf", "unitId");

    private final ConsoleApi api;
    private final ReportStory story;

    ReportActionsController(ConsoleApi api, ReportStory story) {
        this.api = api;
        this.story = story;
    }

    @PostMapping(path = "/console/reports/{id}/actions", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<Rendering> act(@PathVariable UUID id, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(posted -> {
            String action = String.valueOf(posted.getFirst("action"));
            Map<String, String> form = new LinkedHashMap<>();
            form.put("action", action);
            for (String field : FIELDS) {
                String value = posted.getFirst(field);
                if (value != null && !value.isBlank()) {
                    form.put(field, value.trim());
                }
            }
            @Nullable Integer version = ActionOutcome.number(posted.getFirst("version"));
            Mono<ReportDto> done = api.exchange(
                    client -> client.post()
                            .uri("/api/v1/reports/{id}/actions", id)
                            .headers(headers -> ifMatch(headers, version))
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(form),
                    ReportDto.class);
            return answer(id, action, version, form, done);
        });
    }

    /**
     * RESOLVE with its after-photos: the browser's form is read part by part (photos past 256 KB
     * wait in the multipart spool on disk, not in the heap), and each photo is streamed on to the
     * API as it is read back. The version is in the address, which leaves the form's eight parts
     * for the token, the note and six photos.
     */
    @PostMapping(path = "/console/reports/{id}/resolve", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<Rendering> resolve(
            @PathVariable UUID id,
            @RequestParam(name = "version", required = false) @Nullable String version,
            ServerWebExchange exchange) {
        @Nullable Integer seen = ActionOutcome.number(version);
        return exchange.getMultipartData().flatMap(parts -> {
            Map<String, String> action = new LinkedHashMap<>();
            action.put("action", "RESOLVE");
            String note = field(parts, "note");
            if (note != null && !note.isBlank()) {
                action.put("note", note.trim());
            }
            var body = new MultipartBodyBuilder();
            body.part("action", action, MediaType.APPLICATION_JSON);
            for (Part part : parts.getOrDefault("photos", List.of())) {
                // An empty file input still sends a part, without a name or bytes.
                if (part instanceof FilePart photo && !photo.filename().isBlank()) {
                    MediaType type = photo.headers().getContentType();
                    body.asyncPart("photos", photo.content(), DataBuffer.class)
                            .filename(photo.filename())
                            .contentType(type == null ? MediaType.APPLICATION_OCTET_STREAM : type);
                }
            }
            Mono<ReportDto> done = api.exchange(
                    client -> client.post()
                            .uri("/api/v1/reports/{id}/actions/with-photos", id)
                            .headers(headers -> ifMatch(headers, seen))
                            .contentType(MediaType.MULTIPART_FORM_DATA)
                            .body(BodyInserters.fromMultipartData(body.build())),
                    ReportDto.class);
            return answer(id, "RESOLVE", seen, action, done);
        });
    }

    /** Back to the report with what became of the action; fields to fix are shown at once, beside them. */
    private Mono<Rendering> answer(
            UUID id, String action, @Nullable Integer seen, Map<String, String> form, Mono<ReportDto> done) {
        int version = seen == null ? 0 : seen;
        return done.map(report -> back(id, ActionOutcome.Kind.DONE, action, version))
                .onErrorResume(ApiProblem.class, refused -> {
                    if (!ActionOutcome.known(action)) {
                        return Mono.error(refused);
                    }
                    return switch (refused.status()) {
                        case 412 -> Mono.just(back(id, ActionOutcome.Kind.CHANGED, action, version));
                        case 409 -> Mono.just(back(id, ActionOutcome.Kind.NOT_NOW, action, version));
                        case 403 -> Mono.just(back(id, ActionOutcome.Kind.REFUSED, action, version));
                        case 422 ->
                            story.page(
                                            id,
                                            ActionOutcome.invalid(
                                                    action,
                                                    form,
                                                    ReportActionsPanel.byFormField(refused.fieldErrors())))
                                    .map(page -> page.status(HttpStatus.UNPROCESSABLE_CONTENT)
                                            .build());
                        default -> Mono.error(refused);
                    };
                });
    }

    private static Rendering back(UUID id, ActionOutcome.Kind kind, String action, int seen) {
        return Rendering.redirectTo("/console/reports/" + id + ActionOutcome.query(kind, action, seen))
                .status(HttpStatus.SEE_OTHER)
                .build();
    }

    /** The version the page showed, as the ETag the API compares; none sent gets the API's 428. */
    private static void ifMatch(HttpHeaders headers, @Nullable Integer version) {
        if (version != null) {
            headers.setIfMatch("\"" + version + "\"");
        }
    }

    private static @Nullable String field(MultiValueMap<String, Part> parts, String name) {
        return parts.getFirst(name) instanceof FormFieldPart field ? field.value() : null;
    }
}
