package vn.urbanorder.console.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.model.ReportPageDto;
import vn.urbanorder.console.ConsoleApi;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.identity.Role;

/**
 * The work queue: a unit's open reports, overdue first and then by deadline (unit staff), or the
 * ward's (inspectors and ward officers), filtered, a page at a time.
 */
@Controller
class QueueController {

    static final List<String> OPEN = List.of("ASSIGNED", "IN_PROGRESS", "REOPENED");
    private static final Set<String> STATUSES = Set.of(
            "UNASSIGNED", "ASSIGNED", "IN_PROGRESS", "RESOLVED", "VERIFIED", "REOPENED", "REJECTED", "DUPLICATE");
    private static final int PAGE = 50;

    private final ConsoleApi api;
    private final ConsoleCategories categories;

    QueueController(ConsoleApi api, ConsoleCategories categories) {
        this.api = api;
        this.categories = categories;
    }

    @GetMapping({"/console", "/console/"})
    Mono<Rendering> home() {
        return Caller.current()
                .map(caller -> Rendering.redirectTo("/console/queue").build());
    }

    /** The whole page, or (for htmx) only the table: a filter change or the refresh redraws the rows. */
    @GetMapping("/console/queue")
    Mono<Rendering> queue(
            @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) Boolean repeat,
            @RequestParam(required = false) String cursor,
            @org.springframework.web.bind.annotation.RequestHeader(name = "HX-Request", required = false)
                    String partial) {
        List<String> statuses = status == null || status.isEmpty()
                ? OPEN
                : status.stream().filter(STATUSES::contains).toList();
        return Caller.current().flatMap(caller -> {
            boolean unit = caller.has(Role.UNIT_STAFF);
            Mono<ReportPageDto> page = api.get(
                    uri -> {
                        var builder = uri.path("/api/v1/reports")
                                .queryParam("status", String.join(",", statuses))
                                .queryParam("sort", "dueAt")
                                .queryParam("limit", PAGE);
                        if (unit) {
                            builder.queryParam("unitId", "mine");
                        }
                        if (category != null && !category.isBlank()) {
                            builder.queryParam("category", category);
                        }
                        if (Boolean.TRUE.equals(overdue)) {
                            builder.queryParam("overdue", true);
                        }
                        if (Boolean.TRUE.equals(repeat)) {
                            builder.queryParam("flag", "REPEAT_OFFENCE");
                        }
                        if (cursor != null && !cursor.isBlank()) {
                            builder.queryParam("cursor", cursor);
                        }
                        return builder.build();
                    },
                    ReportPageDto.class);
            return Mono.zip(page, categories.names())
                    .map(found -> Rendering.view(partial != null ? "console/queue :: rows" : "console/queue")
                            .modelAttribute("page", found.getT1())
                            .modelAttribute("categories", found.getT2())
                            .modelAttribute(
                                    "filter",
                                    Map.of(
                                            "status",
                                            statuses,
                                            "category",
                                            category == null ? "" : category,
                                            "overdue",
                                            Boolean.TRUE.equals(overdue),
                                            "repeat",
                                            Boolean.TRUE.equals(repeat)))
                            .modelAttribute("unitQueue", unit)
                            .build());
        });
    }
}
