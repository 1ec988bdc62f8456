package vn.urbanorder.report;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import vn.urbanorder.shared.GeoPoint;

/**
 * Where violations recur: the location feature answers it, the report feature asks. Kept here,
 * and implemented there, so that reports need not know how locations are found and locations
 * may read reports.
 */
public interface LocationMatching {

    /**
     * Inside the caller's transaction: the location a report at this point joins, the nearest of
     * its ward and category whose anchor lies within the category's radius and that has a report
     * (an empty location captures nothing; a rebuild finds them the same way), or a new one anchored
     * at the point. Holds the ward and category's lock until the transaction ends, so two reports
     * at one spot never start two locations, on any instance.
     *
     * @param zoneId the zone the point lies in, if any; a new location keeps it
     * @param reportId the report being placed; a location it starts takes its id
     */
    Mono<LocationMatch> match(
            UUID wardId, String category, GeoPoint point, @Nullable UUID zoneId, UUID reportId, Instant now);

    /**
     * Inside the caller's transaction: places a new report, observed at that moment, at the location
     * {@link #match} would find (or a new one it starts, which takes the report's id and keeps the
     * zone), under the same locks, and counts it there. It reads what the report meets there in
     * the same statement: the oldest report at the location still waiting to be handled, which the
     * new one duplicates; else whether a report there was cleared before it was observed, which
     * makes it a repeat offence. Two round trips however the place stands: the locks, then the rest.
     */
    Mono<Placement> place(
            UUID wardId,
            String category,
            GeoPoint point,
            @Nullable UUID zoneId,
            UUID reportId,
            Instant observedAt,
            Instant now);

    /**
     * Whether a report at the location that stands as a violation (not a duplicate, not rejected),
     * observed at that moment, is a repeat offence there: a report there was cleared before it.
     */
    Mono<Boolean> repeatOffenceAt(UUID locationId, Instant observedAt);

    /**
     * Takes, in the caller's transaction, the lock under which this location changes: intake
     * holds it while it matches a report near there, and a change to a report at the location
     * takes it before it touches the report, so counts and duplicate decisions never see half of
     * another change.
     */
    Mono<Void> lock(UUID wardId, String category, UUID locationId);

    /**
     * Counts a new report at the location, in the caller's transaction, under {@link #lock}: the
     * same as a recount, since a new report changes no other report's standing, but without
     * reading the location's other reports.
     *
     * @param repeatOffence whether the report is a repeat offence there
     */
    Mono<Void> countNew(UUID locationId, Instant observedAt, boolean repeatOffence);

    /**
     * Recomputes a location's counts from its reports, in the caller's transaction, under {@link
     * #lock}. A location no report is at any more (its last one rejected as not a violation) is
     * removed: an empty location captures no report, as a rebuild would never have made it.
     */
    Mono<Void> recount(UUID locationId);

    /** By how much a repeat offence's deadline is multiplied in the ward for the category (0 to 1). */
    Mono<Double> repeatDeadlineFactor(UUID wardId, String category);

    /**
     * @param locationId the location the report joins
     * @param created whether the report starts it
     * @param repeatDeadlineFactor see {@link #repeatDeadlineFactor}
     */
    record LocationMatch(UUID locationId, boolean created, double repeatDeadlineFactor) {}

    /**
     * @param locationId the location the report was counted at
     * @param duplicateOf the oldest report there waiting to be handled, which the new one duplicates; null if none
     * @param repeatOffence whether the new report, not a duplicate, is a repeat offence there
     * @param repeatDeadlineFactor see {@link #repeatDeadlineFactor}
     */
    record Placement(UUID locationId, @Nullable UUID duplicateOf, boolean repeatOffence, double repeatDeadlineFactor) {}
}
