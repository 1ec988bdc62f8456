package vn.urbanorder.assignment;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The version of each ward's zones, rules and units. A change bumps it first thing in its
 * transaction, which also locks the ward's row until commit, so two admins' changes to one ward
 * never interleave; every instance polls the versions to know when to reload.
 */
@Repository
class AssignmentVersions {

    private final DatabaseClient database;

    AssignmentVersions(DatabaseClient database) {
        this.database = database;
    }

    /** A change: the ward's new version, and when it was made by the database's clock, once the lock was held. */
    record Change(long version, Instant at) {}

    /** Call first thing inside the transaction that makes the change; holds the ward's lock until commit. */
    Mono<Change> bump(UUID wardId) {
        return database.sql("INSERT INTO assignment_version (ward_id, version, changed_at) VALUES (:ward, 1,"
                        + " clock_timestamp()) ON CONFLICT (ward_id) DO UPDATE SET version = assignment_version.version"
                        + " + 1, changed_at = clock_timestamp() RETURNING version, changed_at")
                .bind("ward", wardId)
                .map(row -> new Change(row.get("version", Long.class), row.get("changed_at", Instant.class)))
                .one();
    }

    Mono<Long> of(UUID wardId) {
        return database.sql("SELECT version FROM assignment_version WHERE ward_id = :ward")
                .bind("ward", wardId)
                .map(row -> row.get("version", Long.class))
                .one()
                .defaultIfEmpty(0L);
    }

    Mono<Map<UUID, Long>> all() {
        return database.sql("SELECT ward_id, version FROM assignment_version")
                .map(row -> Map.entry(row.get("ward_id", UUID.class), row.get("version", Long.class)))
                .all()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
