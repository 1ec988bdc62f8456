package vn.urbanorder.console.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.result.view.Rendering;
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
 * there before, the deadline, where it was sent and why, every review, the audit trail with the
 * result of checking it, and what the person may do with it now. Rendered for a plain visit and
 * again, fresh, after an action the API refused.
 */
@Component
class ReportStory {

    private final ConsoleApi api;
    private final ReportActionsPanel actions;
    private final ConsoleCategories categories;

    ReportStory(ConsoleApi api, ReportActionsPanel actions, ConsoleCategories categories) {
        this.api = api;
        this.actions = actions;
        this.categories = categories;
    }

    /**
     * Only the place's history and the units to send it to need the report first: the rest is
     * asked for with it, so the page waits for two answers in a row, not three. Their failures wait
     * for the report's, so a report the person may not see is refused as the API refuses it.
     */
    Mono<Rendering.Builder<?>> page(UUID id, ActionOutcome outcome) {
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
                .flatMap(asked -> {
                    ReportDto report = asked.getT1();
                    return Mono.zip(
                                    Mono.just(asked.getT2()).<ReportEventListDto>dematerialize(),
                                    Mono.just(asked.getT3()).<EventChainCheckDto>dematerialize(),
                                    Mono.just(asked.getT4()).<Optional<ReviewListDto>>dematerialize(),
                                    optional(location(report)),
                                    Mono.just(asked.getT5()).<Map<String, String>>dematerialize(),
                                    actions.units(report))
                            .map(found -> {
                                Rendering.Builder<?> page = Rendering.view("console/report")
                                        .modelAttribute("report", report)
                                        .modelAttribute("events", found.getT1().getItems())
                                        .modelAttribute("chain", found.getT2())
                                        .modelAttribute(
                                                "reviews",
                                                found.getT3()
                                                        .map(ReviewListDto::getItems)
                                                        .orElse(List.of()))
                                        .modelAttribute(
                                                "places",
                                                found.getT4().map(List::of).orElse(List.of()))
                                        .modelAttribute("categories", found.getT5());
                                actions.describe(page, report, found.getT1().getItems(), found.getT6(), outcome);
                                return page;
                            });
                });
    }

    private Mono<ViolationLocationTimelineDto> location(ReportDto report) {
        if (report.getViolationLocation() == null) {
            return Mono.empty();
        }
        UUID place = report.getViolationLocation().getId();
        return api.get(uri -> uri.path("/api/v1/locations/{id}").build(place), ViolationLocationTimelineDto.class);
    }

    /** What the person's role may not read (reviews, for some) is left out of the page, not an error. */
    static <T> Mono<Optional<T>> optional(Mono<T> part) {
        return part.map(Optional::of)
                .onErrorResume(
                        ApiProblem.class,
                        refused -> refused.status() == 403 || refused.status() == 404
                                ? Mono.just(Optional.empty())
                                : Mono.error(refused))
                .defaultIfEmpty(Optional.empty());
    }
}
