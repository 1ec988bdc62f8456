package vn.urbanorder.deadline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import vn.urbanorder.category.Category;
import vn.urbanorder.category.CategoryCatalog;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.shared.InvalidRequestException;
import vn.urbanorder.shared.InvalidRequestException.FieldProblem;

/**
 * Each ward's deadline policy, and when a report falls due. Policies are read often (every
 * assignment) and changed rarely, so each instance keeps them for {@link #KEPT}: a change reaches
 * every instance within that time, and the instance that made it at once.
 */
@Service
public class Deadlines {

    static final Duration KEPT = Duration.ofSeconds(10);

    private final DeadlineStore store;
    private final CategoryCatalog categories;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final Map<UUID, Mono<DeadlinePolicy>> policies = new ConcurrentHashMap<>();

    Deadlines(DeadlineStore store, CategoryCatalog categories, TransactionalOperator transactions, Clock clock) {
        this.store = store;
        this.categories = categories;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Mono<DeadlinePolicy> policy(UUID wardId) {
        // A policy is kept for a while; a failed read is not kept.
        return policies.computeIfAbsent(
                wardId, ward -> load(ward).cache(policy -> KEPT, failure -> Duration.ZERO, () -> Duration.ZERO));
    }

    /** When a report of the category, assigned at that moment in a ward of that time zone, falls due. */
    public Mono<Instant> due(UUID wardId, ZoneId zone, String category, Instant assignedAt) {
        return due(wardId, zone, category, assignedAt, 1);
    }

    /** The same, with the category's hours multiplied by the factor (a repeat offence's shorter deadline). */
    public Mono<Instant> due(UUID wardId, ZoneId zone, String category, Instant assignedAt, double factor) {
        return policy(wardId).mapNotNull(policy -> policy.due(category, assignedAt, zone, factor));
    }

    /**
     * Replaces the caller's ward's policy: hours for known categories (1 to 8760), holidays on
     * distinct days with a name. A 422 lists every broken field and changes nothing.
     */
    public Mono<DeadlinePolicy> replace(
            Caller caller, DeadlineCalendar calendar, Map<String, Integer> hours, List<Holiday> holidays) {
        return categories.findAll().map(Category::code).collectList().flatMap(known -> {
            List<FieldProblem> problems = new ArrayList<>();
            hours.forEach((category, value) -> {
                if (!known.contains(category)) {
                    problems.add(new FieldProblem("hours." + category, "không có loại vi phạm này"));
                } else if (value == null || value < 1 || value > 8760) {
                    problems.add(new FieldProblem("hours." + category, "số giờ phải từ 1 đến 8760"));
                }
            });
            Set<java.time.LocalDate> days = new HashSet<>();
            for (int i = 0; i < holidays.size(); i++) {
                Holiday holiday = holidays.get(i);
                if (holiday == null || holiday.day() == null) {
                    problems.add(new FieldProblem("holidays[" + i + "].day", "thiếu ngày"));
                } else if (!days.add(holiday.day())) {
                    problems.add(new FieldProblem("holidays[" + i + "].day", "ngày này đã có trong danh sách"));
                }
                if (holiday != null
                        && (holiday.name() == null
                                || holiday.name().isBlank()
                                || holiday.name().length() > 200)) {
                    problems.add(new FieldProblem("holidays[" + i + "].name", "tên ngày nghỉ từ 1 đến 200 ký tự"));
                }
            }
            if (!problems.isEmpty()) {
                return Mono.error(new InvalidRequestException(problems));
            }
            List<Holiday> cleaned = holidays.stream()
                    .map(holiday -> new Holiday(holiday.day(), holiday.name().strip()))
                    .toList();
            return transactions
                    .transactional(store.replace(
                            caller.wardId(),
                            calendar == null ? DeadlineCalendar.WORKING_DAYS : calendar,
                            hours,
                            cleaned,
                            clock.instant()))
                    // Forget the kept policy only once the new one is committed, then read it afresh.
                    .then(Mono.defer(() -> {
                        policies.remove(caller.wardId());
                        return policy(caller.wardId());
                    }));
        });
    }

    private Mono<DeadlinePolicy> load(UUID wardId) {
        return Mono.zip(
                        store.calendar(wardId),
                        store.hours(wardId),
                        store.holidays(wardId).collectList(),
                        categories.findAll().collectList())
                .map(loaded -> {
                    Map<String, Integer> hours = new HashMap<>();
                    loaded.getT4().forEach(category -> hours.put(category.code(), category.defaultDeadlineHours()));
                    hours.putAll(loaded.getT2());
                    return new DeadlinePolicy(loaded.getT1(), hours, loaded.getT3());
                });
    }
}
