package vn.urbanorder.assignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import vn.urbanorder.category.Category;
import vn.urbanorder.category.CategoryCatalog;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.shared.InvalidRequestException;
import vn.urbanorder.shared.InvalidRequestException.FieldProblem;

/** The ward's assignment rules, replaced as a whole list. */
@Service
public class AssignmentRules {

    private final RuleStore rules;
    private final UnitStore units;
    private final ZoneStore zones;
    private final CategoryCatalog categories;
    private final AssignmentVersions versions;
    private final WardMaps maps;
    private final TransactionalOperator transactions;

    AssignmentRules(
            RuleStore rules,
            UnitStore units,
            ZoneStore zones,
            CategoryCatalog categories,
            AssignmentVersions versions,
            WardMaps maps,
            TransactionalOperator transactions) {
        this.rules = rules;
        this.units = units;
        this.zones = zones;
        this.categories = categories;
        this.versions = versions;
        this.maps = maps;
        this.transactions = transactions;
    }

    public Mono<List<AssignmentRule>> list(Caller caller) {
        return rules.list(caller.wardId()).collectList();
    }

    /**
     * Replaces the rules. Every code must name something of the ward as it is now: a current zone
     * or segment, a category, a unit; a rule names a zone or a segment, not both; no two rules
     * share their conditions. A 422 lists every broken rule and leaves the old ones.
     */
    public Mono<List<AssignmentRule>> replace(Caller caller, List<AssignmentRule> sent) {
        UUID ward = caller.wardId();
        List<AssignmentRule> cleaned =
                sent.stream().map(AssignmentRules::blanksToNull).toList();
        // The ward's lock first, so the checks see the zones and units the rules will meet.
        Mono<Void> replaced = versions.bump(ward)
                .then(Mono.zip(
                        units.list(ward, null).collectList(),
                        zones.current(ward).collectList(),
                        categories.findAll().map(Category::code).collectList()))
                .flatMap(known -> {
                    Map<String, UUID> unitIds = new HashMap<>();
                    known.getT1().forEach(unit -> unitIds.put(unit.code(), unit.id()));
                    List<FieldProblem> problems = check(cleaned, unitIds, known.getT2(), Set.copyOf(known.getT3()));
                    return problems.isEmpty()
                            ? rules.replace(ward, cleaned, unitIds)
                            : Mono.error(new InvalidRequestException(problems));
                });
        return transactions.transactional(replaced).then(maps.reload(ward)).then(list(caller));
    }

    private static List<FieldProblem> check(
            List<AssignmentRule> sent, Map<String, UUID> unitIds, List<Zone> current, Set<String> categories) {
        Set<String> zoneCodes = new HashSet<>();
        Set<String> segmentCodes = new HashSet<>();
        current.forEach(zone -> (zone.kind() == ZoneKind.ZONE ? zoneCodes : segmentCodes).add(zone.code()));
        List<FieldProblem> problems = new ArrayList<>();
        Set<WardMap.RuleKey> seen = new HashSet<>();
        for (int i = 0; i < sent.size(); i++) {
            AssignmentRule rule = sent.get(i);
            String at = "rules[" + i + "].";
            if (rule.unitCode() == null || !unitIds.containsKey(rule.unitCode())) {
                problems.add(new FieldProblem(at + "unitCode", "không có đơn vị mã '" + rule.unitCode() + "'"));
            }
            if (rule.zoneCode() != null && rule.segmentCode() != null) {
                problems.add(new FieldProblem(
                        at + "segmentCode", "một quy tắc chỉ nêu tổ dân phố hoặc tuyến, không cả hai"));
            }
            if (rule.zoneCode() != null && !zoneCodes.contains(rule.zoneCode())) {
                problems.add(new FieldProblem(at + "zoneCode", "không có tổ dân phố mã '" + rule.zoneCode() + "'"));
            }
            if (rule.segmentCode() != null && !segmentCodes.contains(rule.segmentCode())) {
                problems.add(new FieldProblem(at + "segmentCode", "không có tuyến mã '" + rule.segmentCode() + "'"));
            }
            if (rule.category() != null && !categories.contains(rule.category())) {
                problems.add(new FieldProblem(at + "category", "không có loại vi phạm '" + rule.category() + "'"));
            }
            if (!seen.add(WardMap.RuleKey.of(rule))) {
                problems.add(
                        new FieldProblem(at.substring(0, at.length() - 1), "trùng điều kiện với một quy tắc trước"));
            }
        }
        return problems;
    }

    private static AssignmentRule blanksToNull(AssignmentRule rule) {
        return new AssignmentRule(
                blankToNull(rule.zoneCode()),
                blankToNull(rule.segmentCode()),
                blankToNull(rule.category()),
                blankToNull(rule.unitCode()));
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
