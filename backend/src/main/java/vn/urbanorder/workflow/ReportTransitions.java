package vn.urbanorder.workflow;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import vn.urbanorder.photo.InspectedPhoto;
import vn.urbanorder.photo.PhotoStage;
import vn.urbanorder.photo.Photos;
import vn.urbanorder.report.LocationMatching;
import vn.urbanorder.report.StatusChanges;

/**
 * Applies a transition in one transaction: the report's change with its event, the photos that
 * came with it, and the counts of the report's location, which follow its status. Of two
 * concurrent transitions of one report exactly one applies; the other learns it was too late.
 */
@Service
public class ReportTransitions {

    private final StatusChanges changes;
    private final Photos photos;
    private final LocationMatching locations;
    private final TransactionalOperator transactions;

    ReportTransitions(
            StatusChanges changes, Photos photos, LocationMatching locations, TransactionalOperator transactions) {
        this.changes = changes;
        this.photos = photos;
        this.locations = locations;
        this.transactions = transactions;
    }

    /** True when the change applied; false when the report had moved on (another version or status). */
    public Mono<Boolean> apply(UUID wardId, Transition change) {
        return apply(wardId, change, List.of());
    }

    /** The same, recording the unit's after-photos (files already stored) with the change. */
    public Mono<Boolean> apply(UUID wardId, Transition change, List<InspectedPhoto> afterPhotos) {
        return apply(wardId, change, afterPhotos, PhotoStage.RESOLUTION);
    }

    /** The same, with photos of another stage (an inspector's, with a review). */
    public Mono<Boolean> apply(UUID wardId, Transition change, List<InspectedPhoto> afterPhotos, PhotoStage stage) {
        Mono<Boolean> applied = changes.apply(wardId, change)
                .flatMap(done -> done
                        ? (afterPhotos.isEmpty()
                                        ? Mono.<Void>empty()
                                        : photos.add(wardId, change.reportId(), afterPhotos, stage))
                                // Whether a report there is a repeat offence depends on the others' statuses.
                                .then(
                                        change.locationId() == null
                                                ? Mono.<Void>empty()
                                                : locations.recount(change.locationId()))
                                .thenReturn(true)
                        : Mono.just(false));
        // The location's lock first, as intake takes it, then the report's row: one order, no deadlock.
        Mono<Void> locked = change.locationId() == null
                ? Mono.empty()
                : locations.lock(wardId, change.category(), change.locationId());
        return transactions.transactional(locked.then(applied));
    }
}
