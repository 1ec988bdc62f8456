package vn.urbanorder.console.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.model.EventChainCheckDto;
import vn.urbanorder.api.model.ReportDto;
import vn.urbanorder.api.model.ReportEventListDto;
import vn.urbanorder.api.model.ReviewListDto;
import vn.urbanorder.api.model.ViolationLocationTimelineDto;
import vn.urbanorder.console.ApiProblem;
import vn.urbanorder.console.ConsoleApi;

/**
 * A report's whole story on one page: what was reported, its photos, the place and what happened
 * there before, the deadline, where it was sent and why, every review, and the audit trail with
 * the result of checking it.
 */
@Controller
class ReportPageController {

    private static final List<String> SIZES = List.of("thumb", "view", "original");

    private final ConsoleApi api;
    private final ConsoleCategories categories;

    ReportPageController(ConsoleApi api, ConsoleCategories categories) {
        this.api = api;
        this.categories = categories;
    }

    @GetMapping("/console/reports/{id}")
    Mono<Rendering> report(@PathVariable UUID id) {
        // Only the place's history needs the report first: the rest is asked for with it, so the
        // page waits for two answers in a row, not for the report and then the slowest of five.
        // Their failures wait for the report, so a report the person may not see is refused as
        // the report itself is.
        return Mono.zip(
                        api.get(uri -> uri.path("/api/v1/reports/{id}").build(id), ReportDto.class),
                        api.get(uri -> uri.path("/api/v1/reports/{id}/events").build(id), ReportEventListDto.class)
                                .materialize(),
                        api.get(
                                        uri -> uri.path("/api/v1/reports/{id}/events/verify")
                                                .build(id),
                                        EventChainCheckDto.class)
                                .materialize(),
                        optional(api.get(
                                        uri -> uri.path("/api/v1/reports/{id}/reviews")
                                                .build(id),
                                        ReviewListDto.class))
                                .materialize(),
                        categories.namesWithSubtypes().materialize())
                .flatMap(asked -> Mono.zip(
                                Mono.just(asked.getT2()).<ReportEventListDto>dematerialize(),
                                Mono.just(asked.getT3()).<EventChainCheckDto>dematerialize(),
                                Mono.just(asked.getT4()).<java.util.Optional<ReviewListDto>>dematerialize(),
                                optional(location(asked.getT1())),
                                Mono.just(asked.getT5()).<Map<String, String>>dematerialize())
                        .map(found -> Rendering.view("console/report")
                                .modelAttribute("report", asked.getT1())
                                .modelAttribute("events", found.getT1().getItems())
                                .modelAttribute("chain", found.getT2())
                                .modelAttribute(
                                        "reviews",
                                        found.getT3()
                                                .map(ReviewListDto::getItems)
                                                .orElse(List.of()))
                                .modelAttribute(
                                        "places", found.getT4().map(List::of).orElse(List.of()))
                                .modelAttribute("categories", found.getT5())
                                .build()));
    }

    /** A photo of a report the person may see, at the size asked; the API decides who may have the original. */
    @GetMapping("/console/reports/{id}/photos/{photoId}")
    Mono<ResponseEntity<Flux<DataBuffer>>> photo(
            @PathVariable UUID id,
            @PathVariable UUID photoId,
            @RequestParam(defaultValue = "view") String size,
            @RequestHeader(name = "If-None-Match", required = false) @Nullable String ifNoneMatch) {
        String chosen = SIZES.contains(size) ? size : "view";
        return api.file("/api/v1/reports/" + id + "/photos/" + photoId + "?size=" + chosen, ifNoneMatch);
    }

    private Mono<ViolationLocationTimelineDto> location(ReportDto report) {
        if (report.getViolationLocation() == null) {
            return Mono.empty();
        }
        UUID place = report.getViolationLocation().getId();
        return api.get(uri -> uri.path("/api/v1/locations/{id}").build(place), ViolationLocationTimelineDto.class);
    }

    /** What the person's role may not read (reviews, for some) is left out of the page, not an error. */
    private static <T> Mono<java.util.Optional<T>> optional(Mono<T> part) {
        return part.map(java.util.Optional::of)
                .onErrorResume(
                        ApiProblem.class,
                        refused -> refused.status() == 403 || refused.status() == 404
                                ? Mono.just(java.util.Optional.empty())
                                : Mono.error(refused))
                .defaultIfEmpty(java.util.Optional.empty());
    }
}
