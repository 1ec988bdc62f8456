package vn.urbanorder.assignment;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code assignment_rule} table. */
@Repository
class RuleStore {

    private final DatabaseClient database;

    RuleStore(DatabaseClient database) {
        this.database = database;
    }

    Flux<AssignmentRule> list(UUID wardId) {
        return database.sql("SELECT r.zone_code, r.segment_code, r.category, u.code AS unit_code"
                        + " FROM assignment_rule r JOIN unit u ON u.id = r.unit_id"
                        + " WHERE r.ward_id = :ward ORDER BY r.position")
                .bind("ward", wardId)
                .map(row -> new AssignmentRule(
                        row.get("zone_code", String.class),
                        row.get("segment_code", String.class),
                        row.get("category", String.class),
                        row.get("unit_code", String.class)))
                .all();
    }

    /** Replaces the ward's rules; call in a transaction. Unit codes must be the ward's. */
    Mono<Void> replace(UUID wardId, List<AssignmentRule> rules, Map<String, UUID> unitIdsByCode) {
        Mono<Void> delete = database.sql("DELETE FROM assignment_rule WHERE ward_id = :ward")
                .bind("ward", wardId)
                .then();
        if (rules.isEmpty()) {
            return delete;
        }
        Mono<Void> insert = database.sql("INSERT INTO assignment_rule (ward_id, position, zone_code, segment_code,"
                        + " category, unit_id) SELECT :ward, position, NULLIF(zone_code, ''), NULLIF(segment_code, ''),"
                        + " NULLIF(category, ''), unit_id::uuid FROM unnest(:zones::text[], :segments::text[],"
                        + " :categories::text[], :units::text[]) WITH ORDINALITY"
                        + " AS t(zone_code, segment_code, category, unit_id, position)")
                .bind("ward", wardId)
                .bind(
                        "zones",
                        rules.stream().map(rule -> orEmpty(rule.zoneCode())).toArray(String[]::new))
                .bind(
                        "segments",
                        rules.stream().map(rule -> orEmpty(rule.segmentCode())).toArray(String[]::new))
                .bind(
                        "categories",
                        rules.stream().map(rule -> orEmpty(rule.category())).toArray(String[]::new))
                .bind(
                        "units",
                        rules.stream()
                                .map(rule -> Objects.requireNonNull(
                                                unitIdsByCode.get(rule.unitCode()), "unit codes are checked")
                                        .toString())
                                .toArray(String[]::new))
                .then();
        return delete.then(insert);
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
