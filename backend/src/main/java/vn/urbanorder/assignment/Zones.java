package vn.urbanorder.assignment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
    private final Clock clock;

    Zones(
            WardDirectory wards,
            ZoneStore zones,
            UnitStore units,
            AssignmentVersions versions,
            WardMaps maps,
            AssignmentProperties properties,
            TransactionalOperator transactions,
            Clock clock) {
        this.wards = wards;
        this.zones = zones;
        this.units = units;
        this.versions = versions;
        this.maps = maps;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The map as it stood at the moment; now when {@code at} is null. */
    public Mono<List<Zone>> at(Caller caller, Instant at) {
        return zones.at(caller.wardId(), at == null ? clock.instant() : at).collectList();
    }

    /** Checks every feature, then replaces the ward's map; a 422 listing every error leaves the old map. */
    public Mono<ZoneImport> replace(Caller caller, List<ZoneDraft> features) {
        return Mono.zip(
                        wards.findById(caller.wardId()),
                        units.list(caller.wardId(), null).collectList())
                // Checking thousands of polygons is CPU work: keep it off the event loop.
                .publishOn(Schedulers.parallel())
                .map(loaded -> new ZoneFileCheck(
                                loaded.getT1().serviceArea(),
                                ZoneFileCheck.byCode(loaded.getT2()),
                                properties.defaultSegmentBufferM())
                        .check(features))
                .flatMap(checked -> {
                    Instant now = clock.instant();
                    Mono<Void> store =
                            versions.bump(caller.wardId()).then(zones.replace(caller.wardId(), checked, now));
                    int segments = (int) checked.stream()
                            .filter(zone -> zone.kind() == ZoneKind.SEGMENT)
                            .count();
                    return transactions
                            .transactional(store)
                            .then(maps.reload(caller.wardId()))
                            .thenReturn(new ZoneImport(checked.size() - segments, segments, now));
                });
    }
}
