package vn.urbanorder.assignment;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.urbanorder.shared.Binds;

/** The {@code unit} table; every statement is scoped to one ward. */
@Repository
class UnitStore {

    private static final String SELECT = "SELECT id, ward_id, code, name, kind, contact_phone, active FROM unit";

    private final DatabaseClient database;

    UnitStore(DatabaseClient database) {
        this.database = database;
    }

    Mono<UUID> insert(UUID wardId, UnitDraft draft, Instant now) {
        var spec = database.sql("INSERT INTO unit (ward_id, code, name, kind, contact_phone, created_at, updated_at)"
                        + " VALUES (:ward, :code, :name, :kind, :phone, :now, :now) RETURNING id")
                .bind("ward", wardId)
                .bind("code", draft.code())
                .bind("name", draft.name())
                .bind("kind", draft.kind().name())
                .bind("now", now);
        return Binds.nullable(spec, "phone", draft.contactPhone(), String.class)
                .map(row -> row.get("id", UUID.class))
                .one();
    }

    Mono<Unit> find(UUID wardId, UUID id) {
        return database.sql(SELECT + " WHERE ward_id = :ward AND id = :id")
                .bind("ward", wardId)
                .bind("id", id)
                .map(UnitStore::toUnit)
                .one();
    }

    Flux<Unit> list(UUID wardId, @Nullable Boolean active) {
        var spec = database.sql(SELECT + " WHERE ward_id = :ward" + (active == null ? "" : " AND active = :active")
                        + " ORDER BY code")
                .bind("ward", wardId);
        return (active == null ? spec : spec.bind("active", active))
                .map(UnitStore::toUnit)
                .all();
    }

    Mono<Void> update(Unit unit, Instant now) {
        var spec = database.sql("UPDATE unit SET name = :name, kind = :kind, contact_phone = :phone,"
                        + " active = :active, updated_at = :now WHERE ward_id = :ward AND id = :id")
                .bind("name", unit.name())
                .bind("kind", unit.kind().name())
                .bind("active", unit.active())
                .bind("now", now)
                .bind("ward", unit.wardId())
                .bind("id", unit.id());
        return Binds.nullable(spec, "phone", unit.contactPhone(), String.class).then();
    }

    private static Unit toUnit(Readable row) {
        return new Unit(
                row.get("id", UUID.class),
                row.get("ward_id", UUID.class),
                row.get("code", String.class),
                row.get("name", String.class),
                UnitKind.valueOf(row.get("kind", String.class)),
                row.get("contact_phone", String.class),
                Boolean.TRUE.equals(row.get("active", Boolean.class)));
    }
}
