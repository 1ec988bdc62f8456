package vn.urbanorder.province;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.province.WardImportPreview.Change;
import vn.urbanorder.shared.CalendarBounds;
import vn.urbanorder.shared.InvalidRequestException;
import vn.urbanorder.ward.WardDirectory;
import vn.urbanorder.ward.WardDraft;

/**
 * A province's wards from a GeoJSON file of boundaries: a preview that stores nothing, and an
 * import that applies the same outcome all at once or not at all. Wards the file leaves out stay
 * as they are.
 */
@Service
public class WardImports {

    private final WardDirectory wards;
    private final ProvinceStore store;
    private final TransactionalOperator transactions;
    private final Clock clock;

    WardImports(WardDirectory wards, ProvinceStore store, TransactionalOperator transactions, Clock clock) {
        this.wards = wards;
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What the file would do from the date (default today in each ward's zone); nothing is stored. */
    public Mono<WardImportPreview> preview(Caller caller, List<WardFeature> features, @Nullable LocalDate date) {
        LocalDate from = effectiveFrom(date);
        return check(caller, features, from)
                .map(outcome ->
                        new WardImportPreview(features.size(), outcome.items(), outcome.errors(), outcome.warnings()));
    }

    /**
     * Applies the file in one transaction: new wards, renames, moves to another zone and new area
     * versions from local midnight of the date in each ward's zone. Any error refuses the whole
     * file (422) and changes nothing.
     */
    public Mono<WardImportOutcome> importFile(Caller caller, List<WardFeature> features, @Nullable LocalDate date) {
        LocalDate from = effectiveFrom(date);
        return check(caller, features, from).flatMap(outcome -> {
            if (!outcome.errors().isEmpty()) {
                return Mono.error(new InvalidRequestException(outcome.errors()));
            }
            Mono<Void> apply = Flux.fromIterable(outcome.planned())
                    .concatMap(planned -> apply(caller, planned, from))
                    .then();
            var preview = new WardImportPreview(features.size(), outcome.items(), List.of(), List.of());
            return transactions
                    .transactional(apply)
                    .thenReturn(new WardImportOutcome(preview.added(), preview.changed(), preview.unchanged(), from));
        });
    }

    private Mono<?> apply(Caller caller, WardFileCheck.Planned planned, LocalDate from) {
        var item = planned.item();
        if (item.isNew()) {
            ZoneId zone = planned.timeZone() == null ? AreaDates.DEFAULT_ZONE : planned.timeZone();
            return wards.create(
                    new WardDraft(caller.provinceId(), planned.code(), planned.name(), zone, planned.area()),
                    AreaDates.start(from, zone),
                    caller.userId());
        }
        var id = Objects.requireNonNull(item.wardId(), "an existing ward's item names it");
        Mono<?> done = Mono.empty();
        if (item.changes().contains(Change.RENAMED) || item.changes().contains(Change.TIME_ZONE_CHANGED)) {
            done = wards.findInProvince(caller.provinceId(), id)
                    .flatMap(ward -> wards.rename(
                            caller.provinceId(),
                            id,
                            planned.name(),
                            planned.timeZone() == null ? ward.timeZone() : planned.timeZone()));
        }
        if (item.changes().contains(Change.AREA_CHANGED)) {
            done = done.then(wards.findInProvince(caller.provinceId(), id)
                    .flatMap(ward -> wards.changeArea(
                            caller.provinceId(),
                            id,
                            AreaDates.start(from, ward.timeZone()),
                            planned.area(),
                            caller.userId())));
        }
        return done;
    }

    private Mono<WardFileCheck.Outcome> check(Caller caller, List<WardFeature> features, LocalDate from) {
        List<String> codes = features.stream()
                .map(WardFeature::code)
                .filter(Objects::nonNull)
                .map(String::strip)
                .distinct()
                .toList();
        return Mono.zip(
                        wards.inProvince(caller.provinceId()).collectList(),
                        store.codesElsewhere(caller.provinceId(), codes).collect(HashSet<String>::new, HashSet::add))
                // Several MB of geometry to parse and compare: off the event loop.
                .publishOn(Schedulers.boundedElastic())
                .map(found -> new WardFileCheck(caller.provinceId(), found.getT1(), found.getT2(), from, clock)
                        .inspect(features));
    }

    private LocalDate effectiveFrom(@Nullable LocalDate date) {
        LocalDate checked = CalendarBounds.check("effectiveFrom", date);
        return checked != null ? checked : AreaDates.today(clock, AreaDates.DEFAULT_ZONE);
    }
}
