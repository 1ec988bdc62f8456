package vn.urbanorder.location;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Places the reports recorded before locations existed: once the service is ready, each ward with
 * a report that belongs to no location (and was not rejected as not a violation) is rebuilt.
 * Afterwards there are none, so later starts only ask. Several instances starting at once each
 * rebuild under the same locks, to the same result.
 */
@Component
class LocationBackfill {

    private static final Logger log = LoggerFactory.getLogger(LocationBackfill.class);

    private final DatabaseClient database;
    private final LocationRebuild rebuild;

    LocationBackfill(DatabaseClient database, LocationRebuild rebuild) {
        this.database = database;
        this.rebuild = rebuild;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        database.sql("SELECT DISTINCT ward_id FROM report WHERE violation_location_id IS NULL"
                        + " AND report_counts_at_location(status, rejection_reason)")
                .map(row -> row.get("ward_id", UUID.class))
                .all()
                .concatMap(ward -> rebuild.rebuild(ward)
                        .doOnNext(outcome -> log.info(
                                "Placed the reports of ward {} at their violation locations: {} reports, {} locations",
                                ward,
                                outcome.reports(),
                                outcome.locations())))
                .subscribe(
                        outcome -> {}, failure -> log.error("Could not place earlier reports at locations", failure));
    }
}
