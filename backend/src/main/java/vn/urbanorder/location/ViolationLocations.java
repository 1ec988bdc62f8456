package vn.urbanorder.location;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.report.LocationMatching;
import vn.urbanorder.report.Report;
import vn.urbanorder.report.ReportFilter;
import vn.urbanorder.report.ReportQueries;
import vn.urbanorder.shared.GeoPoint;
import vn.urbanorder.shared.ProblemException;

/**
 * Finds the location each report joins, and reads the ward's locations. Every role of the ward
 * may see the places and their counts; a location's reports are shown as far as the reader may
 * see each report.
 */
@Service
public class ViolationLocations implements LocationMatching {

    /** The most reports a location's timeline shows, newest first. */
    public static final int TIMELINE_LIMIT = 200;

    private final LocationStore store;
    private final LocationPolicies policies;
    private final LocationLocks locks;
    private final ReportQueries reports;

    ViolationLocations(LocationStore store, LocationPolicies policies, LocationLocks locks, ReportQueries reports) {
        this.store = store;
        this.policies = policies;
        this.locks = locks;
        this.reports = reports;
    }

    @Override
    public Mono<LocationMatch> match(
            UUID wardId, String category, GeoPoint point, @Nullable UUID zoneId, UUID reportId, Instant now) {
        return policies.rule(wardId, category).flatMap(rule -> locks.around(wardId, category, point, rule.radiusM())
                .then(store.nearest(wardId, category, point, rule.radiusM()))
                .map(found -> new LocationMatch(found, false, rule.repeatDeadlineFactor()))
                .switchIfEmpty(Mono.defer(() -> store.insert(reportId, wardId, category, point, zoneId, now)
                        .thenReturn(new LocationMatch(reportId, true, rule.repeatDeadlineFactor())))));
    }

    @Override
    public Mono<Placement> place(
            UUID wardId,
            String category,
            GeoPoint point,
            @Nullable UUID zoneId,
            UUID reportId,
            Instant observedAt,
            Instant now) {
        return policies.rule(wardId, category).flatMap(rule -> locks.around(wardId, category, point, rule.radiusM())
                .then(store.place(wardId, category, point, rule.radiusM(), zoneId, reportId, observedAt, now))
                .map(placed -> new Placement(
                        placed.locationId(),
                        placed.duplicateOf(),
                        placed.repeatOffence(),
                        rule.repeatDeadlineFactor())));
    }

    @Override
    public Mono<Boolean> repeatOffenceAt(UUID locationId, Instant observedAt) {
        return store.repeatOffenceAt(locationId, observedAt);
    }

    @Override
    public Mono<Void> countNew(UUID locationId, Instant observedAt, boolean repeatOffence) {
        return store.countNew(locationId, observedAt, repeatOffence);
    }

    @Override
    public Mono<Void> recount(UUID locationId) {
        return store.recount(locationId);
    }

    @Override
    public Mono<Double> repeatDeadlineFactor(UUID wardId, String category) {
        return policies.rule(wardId, category).map(LocationRule::repeatDeadlineFactor);
    }

    @Override
    public Mono<Void> lock(UUID wardId, String category, UUID locationId) {
        return store.find(wardId, locationId)
                .flatMap(location -> locks.at(wardId, category, location.anchor()))
                .then();
    }

    public Mono<Page> list(Caller caller, LocationFilter filter) {
        return store.list(caller.wardId(), filter).collectList().map(found -> {
            if (found.size() <= filter.limit()) {
                return new Page(found, null);
            }
            List<ViolationLocation> page = found.subList(0, filter.limit());
            return new Page(page, LocationCursor.after(filter.sort(), page.get(page.size() - 1)));
        });
    }

    /** A location of the caller's ward with its reports the caller may see, newest first; 404 otherwise. */
    public Mono<Timeline> timeline(Caller caller, UUID id) {
        return store.find(caller.wardId(), id)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Không có điểm vi phạm này.")))
                .zipWhen(location -> reports.list(caller, ReportFilter.atLocation(location.id(), TIMELINE_LIMIT))
                        .map(ReportQueries.Page::items))
                .map(found -> new Timeline(found.getT1(), found.getT2()));
    }

    /** @param next where the next page starts; null on the last page */
    public record Page(
            List<ViolationLocation> items, @Nullable LocationCursor next) {}

    public record Timeline(ViolationLocation location, List<Report> reports) {}
}
