package vn.urbanorder.location;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.urbanorder.category.Category;
import vn.urbanorder.category.CategoryCatalog;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.shared.InvalidRequestException;
import vn.urbanorder.shared.InvalidRequestException.FieldProblem;

/**
 * Each ward's location rules: per category, the radius that makes two reports the same place and
 * the factor that shortens a repeat offence's deadline. Kept in memory for ten seconds, so a
 * change reaches every instance within that.
 */
@Service
public class LocationPolicies {

    static final Duration KEPT = Duration.ofSeconds(10);

    private final DatabaseClient database;
    private final CategoryCatalog categories;
    private final TransactionalOperator transactions;
    private final Map<UUID, Mono<Map<String, LocationRule>>> kept = new ConcurrentHashMap<>();

    LocationPolicies(DatabaseClient database, CategoryCatalog categories, TransactionalOperator transactions) {
        this.database = database;
        this.categories = categories;
        this.transactions = transactions;
    }

    /** Every category's rule in the ward, its default where the ward set none, by category code. */
    public Mono<Map<String, LocationRule>> rules(UUID wardId) {
        return kept.computeIfAbsent(
                wardId, ward -> load(ward).cache(rules -> KEPT, failure -> Duration.ZERO, () -> Duration.ZERO));
    }

    /** The rules as stored now, not as kept: for rebuilding right after a change made on another instance. */
    Mono<Map<String, LocationRule>> current(UUID wardId) {
        return load(wardId);
    }

    Mono<LocationRule> rule(UUID wardId, String category) {
        return rules(wardId).map(rules -> rules.getOrDefault(category, LocationRule.byDefault(category)));
    }

    /**
     * Sets the rules of the categories named (others keep theirs). Radius 1 to 200 m, factor above
     * 0 and at most 1. A 422 lists every broken field and changes nothing. Locations already made
     * keep their reports until the ward rebuilds them.
     */
    public Mono<Map<String, LocationRule>> replace(Caller caller, List<LocationRule> rules) {
        return categories.findAll().map(Category::code).collectList().flatMap(known -> {
            List<FieldProblem> problems = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < rules.size(); i++) {
                LocationRule rule = rules.get(i);
                String at = "categories[" + i + "]";
                if (rule == null || rule.category() == null || !known.contains(rule.category())) {
                    problems.add(new FieldProblem(at + ".category", "không có loại vi phạm này"));
                    continue;
                }
                if (!seen.add(rule.category())) {
                    problems.add(new FieldProblem(at + ".category", "loại vi phạm này đã có trong danh sách"));
                }
                if (!(rule.radiusM() >= 1 && rule.radiusM() <= LocationRule.MAX_RADIUS_M)) {
                    problems.add(new FieldProblem(at + ".radiusM", "bán kính phải từ 1 đến 200 m"));
                }
                if (!(rule.repeatDeadlineFactor() > 0 && rule.repeatDeadlineFactor() <= 1)) {
                    problems.add(new FieldProblem(at + ".repeatDeadlineFactor", "hệ số phải lớn hơn 0 và không quá 1"));
                }
            }
            if (!problems.isEmpty()) {
                return Mono.error(new InvalidRequestException(problems));
            }
            Mono<Void> stored = Flux.fromIterable(rules)
                    .concatMap(rule -> database.sql("INSERT INTO location_policy"
                                    + " (ward_id, category, radius_m, repeat_deadline_factor)"
                                    + " VALUES (:ward, :category, :radius, :factor) ON CONFLICT (ward_id, category)"
                                    + " DO UPDATE SET radius_m = EXCLUDED.radius_m,"
                                    + " repeat_deadline_factor = EXCLUDED.repeat_deadline_factor")
                            .bind("ward", caller.wardId())
                            .bind("category", rule.category())
                            .bind("radius", rule.radiusM())
                            .bind("factor", rule.repeatDeadlineFactor())
                            .then())
                    .then();
            // Forget the kept rules only once the new ones are committed, then read them afresh.
            return transactions.transactional(stored).then(Mono.defer(() -> {
                kept.remove(caller.wardId());
                return rules(caller.wardId());
            }));
        });
    }

    private Mono<Map<String, LocationRule>> load(UUID wardId) {
        Mono<Map<String, LocationRule>> set = database.sql(
                        "SELECT category, radius_m, repeat_deadline_factor FROM location_policy WHERE ward_id = :ward")
                .bind("ward", wardId)
                .map(row -> new LocationRule(
                        row.get("category", String.class),
                        row.get("radius_m", Double.class),
                        row.get("repeat_deadline_factor", Double.class)))
                .all()
                .collectMap(LocationRule::category, Function.identity());
        return Mono.zip(categories.findAll().collectList(), set).map(loaded -> loaded.getT1().stream()
                .map(category -> loaded.getT2().getOrDefault(category.code(), LocationRule.byDefault(category.code())))
                .collect(Collectors.toMap(LocationRule::category, Function.identity())));
    }
}
