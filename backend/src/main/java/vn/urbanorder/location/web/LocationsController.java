package vn.urbanorder.location.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.LocationsApi;
import vn.urbanorder.api.model.LocationPolicyDto;
import vn.urbanorder.api.model.LocationRebuildDto;
import vn.urbanorder.api.model.LocationRuleDto;
import vn.urbanorder.api.model.ViolationLocationPageDto;
import vn.urbanorder.api.model.ViolationLocationTimelineDto;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.location.LocationCursor;
import vn.urbanorder.location.LocationPolicies;
import vn.urbanorder.location.LocationRebuild;
import vn.urbanorder.location.LocationRule;
import vn.urbanorder.location.LocationSort;
import vn.urbanorder.location.ViolationLocations;
import vn.urbanorder.report.web.ReportViews;
import vn.urbanorder.shared.InvalidRequestException;

@RestController
class LocationsController implements LocationsApi {

    private final ViolationLocations locations;
    private final LocationRebuild rebuild;
    private final LocationPolicies policies;
    private final ReportViews reportViews;

    LocationsController(
            ViolationLocations locations, LocationRebuild rebuild, LocationPolicies policies, ReportViews reportViews) {
        this.locations = locations;
        this.rebuild = rebuild;
        this.policies = policies;
        this.reportViews = reportViews;
    }

    @Override
    public Mono<ResponseEntity<ViolationLocationPageDto>> listLocations(
            @Nullable Boolean repeat,
            @Nullable String category,
            @Nullable UUID zoneId,
            @Nullable OffsetDateTime from,
            @Nullable OffsetDateTime to,
            @Nullable String bbox,
            @Nullable String sort,
            Integer limit,
            @Nullable String cursor,
            ServerWebExchange exchange) {
        LocationSort order = sortOf(sort);
        var filter = LocationViews.filter(
                repeat, category, zoneId, from, to, bbox, order, LocationCursor.decode(cursor, order), limit);
        return Caller.current()
                .flatMap(caller -> locations.list(caller, filter))
                .map(page -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(new ViolationLocationPageDto()
                                .items(page.items().stream()
                                        .map(LocationViews::toApi)
                                        .toList())
                                .nextCursor(
                                        page.next() == null ? null : page.next().encode())));
    }

    @Override
    public Mono<ResponseEntity<ViolationLocationTimelineDto>> getLocation(UUID id, ServerWebExchange exchange) {
        return Caller.current().flatMap(caller -> locations.timeline(caller, id).map(timeline -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(new ViolationLocationTimelineDto()
                        .location(LocationViews.toApi(timeline.location()))
                        .reports(timeline.reports().stream()
                                .map(report -> reportViews.view(report, caller))
                                .toList()))));
    }

    @Override
    @PreAuthorize("hasRole('WARD_ADMIN')")
    public Mono<ResponseEntity<LocationRebuildDto>> rebuildLocations(ServerWebExchange exchange) {
        return Caller.current()
                .flatMap(caller -> rebuild.rebuild(caller.wardId()))
                .map(outcome -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(new LocationRebuildDto()
                                .reports(outcome.reports())
                                .locations(outcome.locations())
                                .repeatLocations(outcome.repeatLocations())));
    }

    @Override
    public Mono<ResponseEntity<LocationPolicyDto>> getLocationPolicy(ServerWebExchange exchange) {
        return Caller.current()
                .flatMap(caller -> policies.rules(caller.wardId()))
                .map(LocationsController::ok);
    }

    @Override
    @PreAuthorize("hasRole('WARD_ADMIN')")
    public Mono<ResponseEntity<LocationPolicyDto>> replaceLocationPolicy(
            Mono<LocationPolicyDto> policy, ServerWebExchange exchange) {
        return Caller.current()
                .zipWith(policy)
                .flatMap(replace -> policies.replace(
                        replace.getT1(),
                        replace.getT2().getCategories().stream()
                                .map(rule -> rule == null
                                        ? null
                                        : new LocationRule(
                                                rule.getCategory(),
                                                rule.getRadiusM() == null ? Double.NaN : rule.getRadiusM(),
                                                rule.getRepeatDeadlineFactor() == null
                                                        ? Double.NaN
                                                        : rule.getRepeatDeadlineFactor()))
                                .toList()))
                .map(LocationsController::ok);
    }

    private static ResponseEntity<LocationPolicyDto> ok(java.util.Map<String, LocationRule> rules) {
        List<LocationRuleDto> categories = rules.values().stream()
                .sorted(java.util.Comparator.comparing(LocationRule::category))
                .map(rule -> new LocationRuleDto()
                        .category(rule.category())
                        .radiusM(rule.radiusM())
                        .repeatDeadlineFactor(rule.repeatDeadlineFactor()))
                .toList();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(new LocationPolicyDto().categories(categories));
    }

    static LocationSort sortOf(@Nullable String sort) {
        if (sort == null || sort.equals("lastSeenAt")) {
            return LocationSort.LAST_SEEN_AT;
        }
        if (sort.equals("repeatCount")) {
            return LocationSort.REPEAT_COUNT;
        }
        throw InvalidRequestException.of("sort", "phải là lastSeenAt hoặc repeatCount");
    }
}
