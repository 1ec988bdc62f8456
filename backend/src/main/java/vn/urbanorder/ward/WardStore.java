package vn.urbanorder.ward;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.urbanorder.shared.Binds;
import vn.urbanorder.shared.GeoJson;

/** The {@code ward} and {@code ward_area} tables. */
@Repository
class WardStore {

    private final DatabaseClient database;

    WardStore(DatabaseClient database) {
        this.database = database;
    }

    /** The wards a condition on {@code w} picks, each with every area it ever had, by code. */
    Flux<Ward> select(String where, Map<String, Object> binds) {
        var wards = database.sql("SELECT w.id, w.province_id, w.code, w.name, w.time_zone FROM ward w WHERE " + where
                + " ORDER BY w.code");
        var areas = database.sql("SELECT a.ward_id, a.valid_from, a.area::text AS area FROM ward_area a"
                + " JOIN ward w ON w.id = a.ward_id WHERE " + where);
        for (var bind : binds.entrySet()) {
            wards = wards.bind(bind.getKey(), bind.getValue());
            areas = areas.bind(bind.getKey(), bind.getValue());
        }
        Mono<Map<UUID, List<WardArea>>> areasByWard = areas.map(row -> Map.entry(
                        row.get("ward_id", UUID.class),
                        new WardArea(
                                row.get("valid_from", Instant.class), GeoJson.read(row.get("area", String.class)))))
                .all()
                .collectMultimap(Map.Entry::getKey, Map.Entry::getValue)
                .map(found -> {
                    Map<UUID, List<WardArea>> copy = new LinkedHashMap<>();
                    found.forEach((ward, list) -> copy.put(ward, new ArrayList<>(list)));
                    return copy;
                });
        return wards.map(row -> new WardRow(
                        row.get("id", UUID.class),
                        row.get("province_id", UUID.class),
                        row.get("code", String.class),
                        row.get("name", String.class),
                        ZoneId.of(row.get("time_zone", String.class))))
                .all()
                .collectList()
                .zipWith(areasByWard)
                .flatMapMany(found -> Flux.fromIterable(found.getT1())
                        .filter(row -> found.getT2().containsKey(row.id()))
                        .map(row -> row.toWard(found.getT2().getOrDefault(row.id(), List.of()))));
    }

    Mono<UUID> insert(UUID provinceId, String code, String name, ZoneId timeZone) {
        return database.sql("INSERT INTO ward (province_id, code, name, time_zone) VALUES (:province, :code, :name,"
                        + " :zone) RETURNING id")
                .bind("province", provinceId)
                .bind("code", code)
                .bind("name", name)
                .bind("zone", timeZone.getId())
                .map(row -> row.get("id", UUID.class))
                .one();
    }

    Mono<Void> rename(UUID id, String name, ZoneId timeZone) {
        return database.sql("UPDATE ward SET name = :name, time_zone = :zone WHERE id = :id")
                .bind("name", name)
                .bind("zone", timeZone.getId())
                .bind("id", id)
                .then();
    }

    /** A new area from a moment on; one already starting at that moment is replaced. */
    Mono<Void> putArea(UUID wardId, Instant validFrom, String areaGeoJson, @Nullable UUID changedBy) {
        var spec =
                database.sql("""
                        INSERT INTO ward_area (ward_id, valid_from, area, changed_by)
                        VALUES (:ward, :from, CAST(:area AS jsonb), :by)
                        ON CONFLICT (ward_id, valid_from) DO UPDATE SET area = EXCLUDED.area, changed_by = EXCLUDED.changed_by
                        """).bind("ward", wardId).bind("from", validFrom).bind("area", areaGeoJson);
        return Binds.nullable(spec, "by", changedBy, UUID.class).then();
    }

    Mono<Boolean> codeTaken(String code) {
        return database.sql("SELECT EXISTS (SELECT 1 FROM ward WHERE code = :code) AS taken")
                .bind("code", code)
                .map(row -> row.get("taken", Boolean.class))
                .one();
    }

    private record WardRow(UUID id, UUID provinceId, String code, String name, ZoneId timeZone) {
        Ward toWard(List<WardArea> areas) {
            return new Ward(id, provinceId, code, name, timeZone, areas);
        }
    }
}
