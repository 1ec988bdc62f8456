package vn.urbanorder.location;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.urbanorder.report.ReportPlacement;

/**
 * Makes a ward's locations again from its reports, for example after a radius changed: each
 * category in its own transaction, under the lock intake takes, so reports arriving meanwhile wait
 * and then join the new locations. Reports are read in pages by observation time, so memory stays
 * bounded however many there are; the same reports and rules always give the same locations (a
 * location takes the id and the time of receipt of the report that starts it), so running it
 * again changes nothing.
 * Reports keep their status, flags and deadlines: rebuilding moves no one's work.
 */
@Service
public class LocationRebuild {

    private final LocationStore store;
    private final ReportPlacement placement;
    private final LocationLocks locks;
    private final LocationPolicies policies;
    private final TransactionalOperator transactions;
    private final int batchSize;

    LocationRebuild(
            LocationStore store,
            ReportPlacement placement,
            LocationLocks locks,
            LocationPolicies policies,
            TransactionalOperator transactions,
            LocationsProperties properties) {
        this.batchSize = properties.rebuildBatch();
        this.store = store;
        this.placement = placement;
        this.locks = locks;
        this.policies = policies;
        this.transactions = transactions;
    }

    /** What a rebuild left: reports placed, locations, and repeat points among them. */
    public record Outcome(long reports, long locations, long repeatLocations) {
        Outcome plus(Outcome other) {
            return new Outcome(
                    reports + other.reports, locations + other.locations, repeatLocations + other.repeatLocations);
        }
    }

    public Mono<Outcome> rebuild(UUID wardId) {
        return policies.current(wardId)
                .flatMapMany(rules -> Flux.fromIterable(List.copyOf(rules.values())))
                .concatMap(rule -> transactions.transactional(category(wardId, rule)))
                .reduce(new Outcome(0, 0, 0), Outcome::plus);
    }

    private Mono<Outcome> category(UUID wardId, LocationRule rule) {
        String category = rule.category();
        Flux<LocationStore.PlacedReport> reports = store.reportsAfter(wardId, category, null, batchSize)
                .collectList()
                .expand(batch -> batch.size() < batchSize
                        ? Mono.empty()
                        : store.reportsAfter(wardId, category, batch.get(batch.size() - 1), batchSize)
                                .collectList())
                .concatMapIterable(batch -> batch);
        return locks.all(wardId, category)
                .then(placement.unplaceAll(wardId, category))
                .then(store.clear(wardId, category))
                .thenMany(reports.concatMap(report -> store.nearest(wardId, category, report.point(), rule.radiusM())
                        .switchIfEmpty(Mono.defer(() -> store.insert(
                                        report.id(),
                                        wardId,
                                        category,
                                        report.point(),
                                        report.zoneId(),
                                        report.receivedAt())
                                .thenReturn(report.id())))
                        .flatMap(location -> placement.place(report.id(), location))
                        .thenReturn(report)))
                .count()
                .flatMap(placed -> store.recountAll(wardId, category)
                        .then(store.totals(wardId, category))
                        .map(totals -> new Outcome(placed, totals[0], totals[1])));
    }
}
