package vn.urbanorder.console.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.FormPartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.api.model.ReviewDto;
import vn.urbanorder.console.ApiProblem;
import vn.urbanorder.console.ConsoleApi;

/**
 * An inspector's review from the report page: the form (verdict, comment, photos) goes on to the
 * API's {@code /reviews/with-photos} as it arrives, each photo streamed through, never held whole.
 * The form is sent by htmx (which adds the CSRF header a multipart body cannot be searched for);
 * on success the browser goes to the fresh report page, on a refusal the form comes back with why.
 */
@Controller("consoleReviewsController")
class ReviewsController {

    private static final List<String> VERDICTS = List.of("CONFIRMED", "DISPUTED", "FOLLOW_UP");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConsoleApi api;

    ReviewsController(ConsoleApi api) {
        this.api = api;
    }

    @PostMapping(path = "/console/reports/{id}/reviews", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<Rendering> review(
            @PathVariable UUID id,
            @RequestBody Flux<PartEvent> parts,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx) {
        Map<String, String> fields = new HashMap<>();
        Flux<PartEvent> forwarded = forward(parts, fields);
        return api.exchange(
                        client -> client.post()
                                .uri(uri -> uri.path("/api/v1/reports/{id}/reviews/with-photos")
                                        .build(id))
                                .contentType(MediaType.MULTIPART_FORM_DATA)
                                .body(forwarded, PartEvent.class),
                        ReviewDto.class)
                .map(review -> {
                    String fresh = "/console/reports/" + id + "?reviewed="
                            + review.getVerdict().getValue();
                    // htmx is told to load the fresh page: it shows the new status and what the verdict did.
                    return htmx != null
                            ? Rendering.view("console/review-form :: sent")
                                    .header("HX-Redirect", fresh)
                                    .build()
                            : Rendering.redirectTo(fresh)
                                    .status(HttpStatus.SEE_OTHER)
                                    .build();
                })
                .onErrorResume(
                        ApiProblem.class,
                        refused -> refused.status() == 401 || refused.status() == 403 || refused.status() == 404
                                ? Mono.error(refused)
                                : again(id, fields, refused, htmx != null));
    }

    /**
     * The browser's parts, rewritten for the API: the text fields become one JSON {@code review}
     * part, sent before the first photo (the form puts its fields first), and each chosen photo
     * passes through event by event. Empty file inputs and the CSRF field are left out.
     */
    private static Flux<PartEvent> forward(Flux<PartEvent> parts, Map<String, String> fields) {
        boolean[] reviewSent = {false};
        Flux<PartEvent> body = parts.windowUntil(PartEvent::isLast)
                .concatMap(part -> part.switchOnFirst((first, events) -> {
                    PartEvent event = first.get();
                    if (event == null) {
                        return events.thenMany(Flux.<PartEvent>empty());
                    }
                    if (event instanceof FormPartEvent form) {
                        fields.put(form.name(), form.value());
                        return events.doOnNext(read -> DataBufferUtils.release(read.content()))
                                .thenMany(Flux.<PartEvent>empty());
                    }
                    if (event instanceof FilePartEvent file
                            && file.name().equals("photos")
                            && !file.filename().isBlank()) {
                        Flux<PartEvent> review = reviewSent[0]
                                ? Flux.empty()
                                : Flux.defer(() -> {
                                    reviewSent[0] = true;
                                    return reviewPart(fields);
                                });
                        return review.concatWith(events);
                    }
                    // Anything else (an empty file input): read and let go.
                    return events.doOnNext(ignored -> DataBufferUtils.release(ignored.content()))
                            .thenMany(Flux.<PartEvent>empty());
                }));
        return body.concatWith(Flux.defer(() -> reviewSent[0] ? Flux.empty() : reviewPart(fields)));
    }

    private static Flux<PartEvent> reviewPart(Map<String, String> fields) {
        Map<String, Object> review = new HashMap<>();
        String verdict = fields.getOrDefault("verdict", "");
        // An unknown verdict goes on as sent: the API names the field in its 422.
        review.put("verdict", verdict);
        String comment = fields.getOrDefault("comment", "").strip();
        if (!comment.isEmpty()) {
            review.put("comment", comment);
        }
        return FormPartEvent.create(
                        "review",
                        JSON.writeValueAsString(review),
                        headers -> headers.setContentType(MediaType.APPLICATION_JSON))
                .cast(PartEvent.class)
                .flux();
    }

    /** The form again, beside the report as it is now, with the API's reasons. */
    private Mono<Rendering> again(UUID id, Map<String, String> fields, ApiProblem refused, boolean htmx) {
        return api.get(uri -> uri.path("/api/v1/reports/{id}").build(id), ReportDto.class)
                .map(report -> Rendering.view("console/review-form :: form")
                        .modelAttribute("report", report)
                        .modelAttribute("verdicts", VERDICTS)
                        .modelAttribute("sentVerdict", fields.getOrDefault("verdict", ""))
                        .modelAttribute("sentComment", fields.getOrDefault("comment", ""))
                        .modelAttribute("reviewErrors", refused.fieldErrors())
                        .modelAttribute("reviewProblem", refused.detail() == null ? "" : refused.detail())
                        .modelAttribute("reviewConflict", refused.status() == 409)
                        // htmx swaps only a 2xx answer into the page.
                        .status(htmx ? HttpStatus.OK : HttpStatus.valueOf(refused.status()))
                        .build());
    }
}
