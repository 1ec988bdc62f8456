package vn.urbanorder.province;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the province's pages read about its wards besides the wards themselves, in SQL over the
 * {@code ward}, {@code ward_area} and {@code app_user} tables; it writes nothing (wards change
 * only through {@code ward}'s {@code WardDirectory}, users through {@code identity}).
 */
@Repository
class ProvinceStore {

    private final DatabaseClient database;

    ProvinceStore(DatabaseClient database) {
        this.database = database;
    }

    Mono<Integer> wardCount(UUID provinceId) {
        return database.sql("SELECT count(*) AS n FROM ward WHERE province_id = :province")
                .bind("province", provinceId)
                .map(row -> row.get("n", Long.class).intValue())
                .one();
    }

    /** How many active ward admins each ward of the province has; wards with none are absent. */
    Mono<Map<UUID, Integer>> activeAdmins(UUID provinceId) {
        return database.sql("""
                        SELECT ward_id, count(*) AS n FROM app_user
                         WHERE province_id = :province AND ward_id IS NOT NULL AND active
                           AND 'WARD_ADMIN' = ANY (roles)
                         GROUP BY ward_id
                        """)
                .bind("province", provinceId)
                .map(row -> Map.entry(
                        row.get("ward_id", UUID.class), row.get("n", Long.class).intValue()))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Who recorded each area version of a ward of the province, by the version's start. */
    Mono<Map<Instant, String>> areaAuthors(UUID provinceId, UUID wardId) {
        return database.sql("""
                        SELECT a.valid_from, u.username
                          FROM ward_area a
                          JOIN ward w ON w.id = a.ward_id
                          JOIN app_user u ON u.id = a.changed_by
                         WHERE w.province_id = :province AND a.ward_id = :ward
                        """)
                .bind("province", provinceId)
                .bind("ward", wardId)
                .map(row -> Map.entry(row.get("valid_from", Instant.class), row.get("username", String.class)))
                .all()
                .collect(HashMap<Instant, String>::new, (map, entry) -> map.put(entry.getKey(), entry.getValue()))
                .map(Map::copyOf);
    }

    /** Of these codes, those that wards of other provinces have. */
    Flux<String> codesElsewhere(UUID provinceId, List<String> codes) {
        if (codes.isEmpty()) {
            return Flux.empty();
        }
        return database.sql("SELECT code FROM ward WHERE province_id <> :province AND code = ANY (:codes)")
                .bind("province", provinceId)
                .bind("codes", codes.toArray(String[]::new))
                .map(row -> row.get("code", String.class))
                .all();
    }
}
