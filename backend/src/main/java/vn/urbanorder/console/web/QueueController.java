package vn.urbanorder.console.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
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

    private static final int PAGE = 50;

    private final ConsoleApi api;
    private final ConsoleCategories categories;
    private final ConsoleZones zones;

    QueueController(ConsoleApi api, ConsoleCategories categories, ConsoleZones zones) {
        this.api = api;
        this.categories = categories;
        this.zones = zones;
    }

    @GetMapping({"/console", "/console/"})
    Mono<Rendering> home() {
        return Caller.current()
                .map(caller -> Rendering.redirectTo("/console/queue").build());
    }

    /** The whole page, or (for htmx) only the table: a filter change or the refresh redraws the rows. */
    @GetMapping("/console/queue")
    Mono<Rendering> queue(
            @RequestParam(required = false) @Nullable List<String> status,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable Boolean overdue,
            @RequestParam(required = false) @Nullable Boolean repeat,
            @RequestParam(required = false) @Nullable String zoneId,
            @RequestParam(required = false) @Nullable String segmentId,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String partial) {
        ReportListFilter filter = ReportListFilter.of(status, category, overdue, repeat, zoneId, segmentId);
        return Caller.current().flatMap(caller -> {
            boolean unit = caller.has(Role.UNIT_STAFF);
            Mono<ReportPageDto> page = api.get(
                    uri -> {
                        var builder = filter.narrow(uri.path("/api/v1/reports"))
                                .queryParam("sort", "dueAt")
                                .queryParam("limit", PAGE);
                        if (unit) {
                            builder.queryParam("unitId", "mine");
                        }
                        String next = Cursors.of(cursor);
                        if (next != null) {
                            builder.queryParam("cursor", next);
                        }
                        return builder.build();
                    },
                    ReportPageDto.class);
            Mono<ConsoleZones.WardMap> map = partial != null ? Mono.just(ConsoleZones.WardMap.NONE) : zones.current();
            return Mono.zip(page, categories.names(), map)
                    .map(found -> Rendering.view(partial != null ? "console/queue :: rows" : "console/queue")
                            .modelAttribute("page", found.getT1())
                            .modelAttribute("categories", found.getT2())
                            .modelAttribute("wardMap", found.getT3())
                            .modelAttribute("filter", filter.model())
                            .modelAttribute("unitQueue", unit)
                            .build());
        });
    }
}
