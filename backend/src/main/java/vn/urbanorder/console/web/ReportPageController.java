package vn.urbanorder.console.web;

import java.util.List;
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
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.urbanorder.console.ConsoleApi;

/** A report's whole story on one page ({@link ReportStory}), and its photos. */
@Controller
class ReportPageController {

    private static final List<String> SIZES = List.of("thumb", "view", "original");

    private final ConsoleApi api;
    private final ReportStory story;

    ReportPageController(ConsoleApi api, ReportStory story) {
        this.api = api;
        this.story = story;
    }

    @GetMapping("/console/reports/{id}")
    Mono<Rendering> report(@PathVariable UUID id, ServerWebExchange exchange) {
        return story.page(id, ActionOutcome.of(exchange.getRequest().getQueryParams()))
                .map(Rendering.Builder::build);
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
}
