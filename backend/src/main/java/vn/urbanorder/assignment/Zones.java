package vn.urbanorder.assignment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.ward.WardDirectory;

/**
 * The ward's zones and segments. An import replaces the whole map at once or not at all; the
 * replaced versions stay, so reports keep the zone they were given and any past map can be read.
 */
@Service
public class Zones {

    private final WardDirectory wards;
    private final ZoneStore zones;
    private final UnitStore units;
    private final AssignmentVersions versions;
    private final WardMaps maps;
    private final AssignmentProperties properties;
    private final TransactionalOperator transactions;

    Zones(
            WardDirectory wards,
            ZoneStore zones,
            UnitStore units,
            AssignmentVersions versions,
            WardMaps maps,
            AssignmentProperties properties,
            TransactionalOperator transactions) {
        this.wards = wards;
        this.zones = zones;
        this.units = units;
        this.versions = versions;
        this.maps = maps;
        this.properties = properties;
        this.transactions = transactions;
    }

    /** The map as it stood at the moment; the current one when {@code at} is null. */
    public Mono<List<Zone>> at(Caller caller, @Nullable Instant at) {
        return (at == null ? zones.current(caller.wardId()) : zones.at(caller.wardId(), at)).collectList();
    }

    /**
     * Checks every feature, then replaces the ward's map; a 422 listing every error leaves the old
     * map. The ward's lock is taken first, so the checks see what the replacement replaces, and
     * the new map is valid from the moment the lock was held.
     */
    public Mono<ZoneImport> replace(Caller caller, List<ZoneDraft> features) {
        UUID ward = caller.wardId();
        Mono<ZoneImport> imported = versions.bump(ward).flatMap(change -> Mono.zip(
                        wards.findById(ward), units.list(ward, null).collectList())
                // Checking thousands of polygons is CPU work: keep it off the event loop.
                .publishOn(Schedulers.parallel())
                .map(loaded -> new ZoneFileCheck(
                                loaded.getT1().serviceArea(),
                                ZoneFileCheck.byCode(loaded.getT2()),
                                properties.defaultSegmentBufferM())
                        .check(features))
                .flatMap(checked -> {
                    int segments = (int) checked.stream()
                            .filter(zone -> zone.kind() == ZoneKind.SEGMENT)
                            .count();
                    return zones.replace(ward, checked, change.at())
                            .thenReturn(new ZoneImport(checked.size() - segments, segments, change.at()));
                }));
        return transactions.transactional(imported).flatMap(done -> maps.reload(ward)
                .thenReturn(done));
    }
}
