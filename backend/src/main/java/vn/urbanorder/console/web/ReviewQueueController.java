package vn.urbanorder.console.web;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.model.ReportPageDto;
import vn.urbanorder.console.ConsoleApi;

/** What waits for the inspectors: resolved reports to verify and open repeat offences, by unit and zone. */
@Controller
class ReviewQueueController {

    private static final int PAGE = 50;

    private final ConsoleApi api;
    private final InspectorLists lists;

    ReviewQueueController(ConsoleApi api, InspectorLists lists) {
        this.api = api;
        this.lists = lists;
    }

    /** The whole page, or (for htmx) only the rows, when a filter changes. */
    @GetMapping("/console/reviews")
    Mono<Rendering> queue(
            @RequestParam(required = false) @Nullable String unitId,
            @RequestParam(required = false) @Nullable String zoneId,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String partial) {
        UUID unit = InspectorLists.idOrNull(unitId);
        UUID zone = InspectorLists.idOrNull(zoneId);
        return InspectorAccess.inspectorOrAdmin().flatMap(caller -> {
            Mono<ReportPageDto> page = api.get(
                    uri -> {
                        var builder = uri.path("/api/v1/review-queue").queryParam("limit", PAGE);
                        if (unit != null) {
                            builder.queryParam("unitId", unit);
                        }
                        if (zone != null) {
                            builder.queryParam("zoneId", zone);
                        }
                        String next = Cursors.of(cursor);
                        if (next != null) {
                            builder.queryParam("cursor", next);
                        }
                        return builder.build();
                    },
                    ReportPageDto.class);
            return Mono.zip(page, lists.units(), lists.zones(), lists.categories())
                    .map(found -> Rendering.view(partial != null ? "console/reviews :: rows" : "console/reviews")
                            .modelAttribute("page", found.getT1())
                            .modelAttribute("units", found.getT2())
                            .modelAttribute(
                                    "zones",
                                    found.getT3().stream()
                                            .filter(z -> z.kind().equals("ZONE"))
                                            .toList())
                            .modelAttribute("categories", found.getT4())
                            .modelAttribute(
                                    "filter",
                                    Map.of(
                                            "unitId", unit == null ? "" : unit.toString(),
                                            "zoneId", zone == null ? "" : zone.toString()))
                            .build());
        });
    }
}
