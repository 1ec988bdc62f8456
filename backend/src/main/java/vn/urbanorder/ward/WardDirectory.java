package vn.urbanorder.ward;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.urbanorder.shared.ProblemException;

/**
 * Finds, creates and changes wards. A ward's code never changes (reports' reference numbers carry
 * it); its name and time zone may, and its service area changes by a new version from a moment
 * on, so that what was decided before that moment stays as it was.
 */
@Service
public class WardDirectory {

    private static final Duration CACHE_TIME = Duration.ofMinutes(1);

    private final WardStore store;
    private final TransactionalOperator transactions;
    private final Map<UUID, Mono<Ward>> byId = new ConcurrentHashMap<>();

    WardDirectory(WardStore store, TransactionalOperator transactions) {
        this.store = store;
        this.transactions = transactions;
    }

    public Mono<Ward> findByCode(String code) {
        return store.select("w.code = :code", Map.of("code", code)).next();
    }

    /**
     * A ward by id, from a short-lived cache: every report intake needs its ward, whose service
     * areas are then parsed once a minute rather than once a request. A ward not found is not
     * cached; this instance's own changes are seen at once, another instance's within a minute.
     */
    public Mono<Ward> findById(UUID id) {
        return byId.computeIfAbsent(id, key -> store.select("w.id = :id", Map.of("id", key))
                .next()
                .cache(ward -> CACHE_TIME, failure -> Duration.ZERO, () -> Duration.ZERO));
    }

    /** A ward of the province, read afresh; empty for another province's. */
    public Mono<Ward> findInProvince(UUID provinceId, UUID id) {
        return store.select("w.province_id = :province AND w.id = :id", Map.of("province", provinceId, "id", id))
                .next();
    }

    /** The province's wards by code. */
    public Flux<Ward> inProvince(UUID provinceId) {
        return store.select("w.province_id = :province", Map.of("province", provinceId));
    }

    /**
     * Creates a ward of the province with its first service area, in force from {@code validFrom};
     * a code any ward has already is a 409.
     */
    public Mono<Ward> create(WardDraft draft, Instant validFrom, @Nullable UUID createdBy) {
        WardDraft checked = draft.checked();
        return store.codeTaken(checked.code())
                .flatMap(taken -> taken ? Mono.error(WardDirectory::codeTaken) : Mono.just(checked))
                .flatMap(ward -> transactions.transactional(
                        store.insert(ward.provinceId(), ward.code(), ward.name(), ward.timeZone())
                                .flatMap(id -> store.putArea(id, validFrom, ward.serviceArea(), createdBy)
                                        .thenReturn(id))))
                .onErrorMap(WardDirectory::isCodeClash, clash -> codeTaken())
                .flatMap(id -> findInProvince(checked.provinceId(), id));
    }

    /** Renames a ward of the province, or moves it to another time zone. */
    public Mono<Ward> rename(UUID provinceId, UUID id, String name, ZoneId timeZone) {
        String checked = WardDraft.checkName(name);
        return existing(provinceId, id)
                .flatMap(ward -> store.rename(ward.id(), checked, timeZone))
                .then(Mono.fromRunnable(() -> byId.remove(id)))
                .then(findInProvince(provinceId, id));
    }

    /**
     * Gives a ward of the province a new service area from a moment on (replacing one that starts
     * at the same moment). Reports already received keep their ward; intake checks a report against
     * the area in force when its violation was observed.
     */
    public Mono<Ward> changeArea(UUID provinceId, UUID id, Instant validFrom, String areaGeoJson, @Nullable UUID by) {
        String area = WardDraft.checkArea("serviceArea", areaGeoJson);
        return existing(provinceId, id)
                .flatMap(ward -> store.putArea(ward.id(), validFrom, area, by))
                .then(Mono.fromRunnable(() -> byId.remove(id)))
                .then(findInProvince(provinceId, id));
    }

    /**
     * Drops a ward from this instance's cache: for a caller that changed it inside a transaction of
     * its own, once that has committed (the change's own forgetting came before the commit, so a
     * read in between may have cached the old ward again).
     */
    public void forget(UUID id) {
        byId.remove(id);
    }

    private Mono<Ward> existing(UUID provinceId, UUID id) {
        return findInProvince(provinceId, id)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Không có phường, xã này trong tỉnh.")));
    }

    private static boolean isCodeClash(Throwable failure) {
        return failure instanceof DataIntegrityViolationException
                && String.valueOf(failure.getMessage()).contains("ward_code_unique");
    }

    private static ProblemException codeTaken() {
        return ProblemException.conflict("Mã phường, xã này đã có.");
    }
}
