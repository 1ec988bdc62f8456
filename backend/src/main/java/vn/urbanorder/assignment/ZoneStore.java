package vn.urbanorder.assignment;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code zone} table: versions of zones and segments, never changed once written but for closing them. */
@Repository
class ZoneStore {

    private static final String SELECT = "SELECT z.id, z.code, z.name, z.kind, u.code AS unit_code, z.buffer_m,"
            + " z.geometry::text AS geometry, z.valid_from FROM zone z LEFT JOIN unit u ON u.id = z.unit_id"
            + " WHERE z.ward_id = :ward";
    private static final String ORDER = " ORDER BY z.kind = 'SEGMENT', z.code";

    private final DatabaseClient database;

    ZoneStore(DatabaseClient database) {
        this.database = database;
    }

    /** A checked zone ready to store. */
    record Checked(
            String code,
            String name,
            ZoneKind kind,
            @Nullable UUID unitId,
            @Nullable Double bufferM,
            String geometry) {}

    /** Closes the ward's current map and stores the new one, valid from {@code now}; call in a transaction. */
    Mono<Void> replace(UUID wardId, List<Checked> zones, Instant now) {
        Mono<Void> close = database.sql("UPDATE zone SET valid_to = :now WHERE ward_id = :ward AND valid_to IS NULL")
                .bind("now", now)
                .bind("ward", wardId)
                .then();
        if (zones.isEmpty()) {
            return close;
        }
        // One statement for the lot: a ward's file may hold thousands of features.
        Mono<Void> insert = database.sql("INSERT INTO zone (ward_id, code, name, kind, unit_id, buffer_m, geometry,"
                        + " valid_from) SELECT :ward, code, name, kind, NULLIF(unit_id, '')::uuid,"
                        + " NULLIF(buffer_m, '')::double precision, geometry::jsonb, :now"
                        + " FROM unnest(:codes::text[], :names::text[], :kinds::text[], :units::text[],"
                        + " :buffers::text[], :geometries::text[]) AS t(code, name, kind, unit_id, buffer_m, geometry)")
                .bind("ward", wardId)
                .bind("now", now)
                .bind("codes", zones.stream().map(Checked::code).toArray(String[]::new))
                .bind("names", zones.stream().map(Checked::name).toArray(String[]::new))
                .bind("kinds", zones.stream().map(zone -> zone.kind().name()).toArray(String[]::new))
                .bind(
                        "units",
                        zones.stream()
                                .map(zone -> zone.unitId() == null
                                        ? ""
                                        : zone.unitId().toString())
                                .toArray(String[]::new))
                .bind(
                        "buffers",
                        zones.stream()
                                .map(zone -> zone.bufferM() == null ? "" : Double.toString(zone.bufferM()))
                                .toArray(String[]::new))
                .bind("geometries", zones.stream().map(Checked::geometry).toArray(String[]::new))
                .then();
        return close.then(insert);
    }

    /** The ward's map as it stood at the moment: zones first, each kind by code. */
    Flux<Zone> at(UUID wardId, Instant at) {
        return database.sql(SELECT + " AND z.valid_from <= :at AND (z.valid_to IS NULL OR z.valid_to > :at)" + ORDER)
                .bind("ward", wardId)
                .bind("at", at)
                .map(ZoneStore::toZone)
                .all();
    }

    /** The ward's current map. */
    Flux<Zone> current(UUID wardId) {
        return database.sql(SELECT + " AND z.valid_to IS NULL" + ORDER)
                .bind("ward", wardId)
                .map(ZoneStore::toZone)
                .all();
    }

    private static Zone toZone(Readable row) {
        return new Zone(
                row.get("id", UUID.class),
                row.get("code", String.class),
                row.get("name", String.class),
                ZoneKind.valueOf(row.get("kind", String.class)),
                row.get("unit_code", String.class),
                row.get("buffer_m", Double.class),
                row.get("geometry", String.class),
                row.get("valid_from", Instant.class));
    }
}
