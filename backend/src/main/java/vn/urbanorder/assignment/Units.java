package vn.urbanorder.assignment;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.shared.InvalidRequestException;
import vn.urbanorder.shared.ProblemException;

/** The ward's units: any signed-in user reads them, the ward admin changes them (checked on the controller). */
@Service
public class Units {

    private final UnitStore units;
    private final AssignmentVersions versions;
    private final WardMaps maps;
    private final TransactionalOperator transactions;
    private final Clock clock;

    Units(
            UnitStore units,
            AssignmentVersions versions,
            WardMaps maps,
            TransactionalOperator transactions,
            Clock clock) {
        this.units = units;
        this.versions = versions;
        this.maps = maps;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Mono<List<Unit>> list(Caller caller, @Nullable Boolean active) {
        return units.list(caller.wardId(), active).collectList();
    }

    public Mono<Unit> find(Caller caller, UUID id) {
        return units.find(caller.wardId(), id)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("Không có đơn vị này.")));
    }

    /** A code already used in the ward is a 409. */
    public Mono<Unit> create(Caller caller, UnitDraft draft) {
        var unit = new UnitDraft(draft.code(), draft.name().strip(), draft.kind(), blankToNull(draft.contactPhone()));
        if (unit.name().isEmpty()) {
            return Mono.error(InvalidRequestException.of("name", "không được để trống"));
        }
        return units.insert(caller.wardId(), unit, clock.instant())
                .onErrorMap(
                        failure -> failure instanceof DataIntegrityViolationException
                                && String.valueOf(failure.getMessage()).contains("unit_code_unique"),
                        clash -> ProblemException.conflict("Mã đơn vị này đã có trong phường."))
                .flatMap(id -> find(caller, id));
    }

    /** Deactivating or renaming a unit changes what new reports get, so every instance reloads the map. */
    public Mono<Unit> update(Caller caller, UUID id, UnitChanges changes) {
        if (changes.name() != null && changes.name().isBlank()) {
            return Mono.error(InvalidRequestException.of("name", "không được để trống"));
        }
        Mono<Void> change = versions.bump(caller.wardId())
                .then(find(caller, id))
                .flatMap(unit -> units.update(
                        new Unit(
                                unit.id(),
                                unit.wardId(),
                                unit.code(),
                                changes.name() == null
                                        ? unit.name()
                                        : changes.name().strip(),
                                changes.kind() == null ? unit.kind() : changes.kind(),
                                changes.contactPhone() == null
                                        ? unit.contactPhone()
                                        : blankToNull(changes.contactPhone()),
                                changes.active() == null ? unit.active() : changes.active()),
                        clock.instant()));
        return transactions
                .transactional(change)
                .then(maps.reload(caller.wardId()))
                .then(find(caller, id));
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
