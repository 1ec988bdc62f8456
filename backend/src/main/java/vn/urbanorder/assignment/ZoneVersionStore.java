package vn.urbanorder.assignment;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.urbanorder.identity.Caller;

/** The {@code zone_version} table: one row per import of a ward's map, appended in the import's transaction. */
@Repository
class ZoneVersionStore {

    private final DatabaseClient database;

    ZoneVersionStore(DatabaseClient database) {
        this.database = database;
    }

    /** The ward's current map version; 0 before its first import. */
    Mono<Long> current(UUID wardId) {
        return database.sql("SELECT coalesce(max(version), 0) AS version FROM zone_version WHERE ward_id = :ward")
                .bind("ward", wardId)
                .map(row -> row.get("version", Long.class))
                .one();
    }

    /** Records an import; call in its transaction, under the ward's lock. */
    Mono<Void> record(UUID wardId, ZoneVersion version, Caller by) {
        return database.sql("INSERT INTO zone_version (ward_id, version, valid_from, imported_by, imported_name, zones,"
                        + " segments, added, changed, removed) VALUES (:ward, :version, :from, :by, :name, :zones,"
                        + " :segments, :added, :changed, :removed)")
                .bind("ward", wardId)
                .bind("version", version.version())
                .bind("from", version.validFrom())
                .bind("by", by.userId())
                .bind("name", by.username())
                .bind("zones", version.zones())
                .bind("segments", version.segments())
                .bind("added", version.added() == null ? 0 : version.added())
                .bind("changed", version.changed() == null ? 0 : version.changed())
                .bind("removed", version.removed() == null ? 0 : version.removed())
                .then();
    }

    /** The ward's versions, newest first. */
    Flux<ZoneVersion> list(UUID wardId, int limit) {
        return database.sql("SELECT version, valid_from, lead(valid_from) OVER (ORDER BY version) AS valid_to,"
                        + " imported_name, zones, segments, added, changed, removed FROM zone_version"
                        + " WHERE ward_id = :ward ORDER BY version DESC LIMIT :limit")
                .bind("ward", wardId)
                .bind("limit", limit)
                .map(ZoneVersionStore::toVersion)
                .all();
    }

    private static ZoneVersion toVersion(Readable row) {
        return new ZoneVersion(
                row.get("version", Long.class),
                row.get("valid_from", Instant.class),
                row.get("valid_to", Instant.class),
                row.get("imported_name", String.class),
                row.get("zones", Integer.class),
                row.get("segments", Integer.class),
                row.get("added", Integer.class),
                row.get("changed", Integer.class),
                row.get("removed", Integer.class));
    }
}
