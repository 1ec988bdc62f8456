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
import vn.urbanorder.shared.ProblemException;
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
    private final ZoneVersionStore mapVersions;
    private final WardMaps maps;
    private final AssignmentProperties properties;
    private final TransactionalOperator transactions;

    Zones(
            WardDirectory wards,
            ZoneStore zones,
            UnitStore units,
            AssignmentVersions versions,
            ZoneVersionStore mapVersions,
            WardMaps maps,
            AssignmentProperties properties,
            TransactionalOperator transactions) {
        this.wards = wards;
        this.zones = zones;
        this.units = units;
        this.versions = versions;
        this.mapVersions = mapVersions;
        this.maps = maps;
        this.properties = properties;
        this.transactions = transactions;
    }

    /** The map as it stood at the moment; the current one when {@code at} is null. */
    public Mono<List<Zone>> at(Caller caller, @Nullable Instant at) {
        return (at == null ? zones.current(caller.wardId()) : zones.at(caller.wardId(), at)).collectList();
    }

    /** The ward's current map version: 0 before its first import. */
    public Mono<Long> version(Caller caller) {
        return mapVersions.current(caller.wardId());
    }

    /** The ward's map versions, newest first: when, by whom, what each import changed. */
    public Mono<List<ZoneVersion>> versions(Caller caller, int limit) {
        return mapVersions.list(caller.wardId(), limit).collectList();
    }

    /**
     * What the file would do to the ward's map, storing nothing: its changes by code and every
     * error an import would refuse it for, against the map version read first (so a map changed
     * while the preview was made shows as a newer version when the file is imported).
     */
    public Mono<ZonePreview> preview(Caller caller, List<ZoneDraft> features) {
        UUID ward = caller.wardId();
        return mapVersions.current(ward).flatMap(version -> Mono.zip(
                        wards.findById(ward),
                        units.list(ward, null).collectList(),
                        zones.current(ward).collectList())
                .publishOn(Schedulers.parallel())
                .map(loaded -> {
                    var outcome =
                            check(loaded.getT1().serviceArea(), loaded.getT2()).inspect(features);
                    var diff = new ZoneDiff(properties.defaultSegmentBufferM()).between(loaded.getT3(), features);
                    long segments = features.stream()
                            .filter(feature -> feature.kind() != null
                                    && feature.kind().strip().equalsIgnoreCase(ZoneKind.SEGMENT.name()))
                            .count();
                    long zoneCount = features.stream()
                            .filter(feature -> feature.kind() != null
                                    && feature.kind().strip().equalsIgnoreCase(ZoneKind.ZONE.name()))
                            .count();
                    return new ZonePreview(
                            version,
                            (int) zoneCount,
                            (int) segments,
                            diff.added(),
                            diff.changed(),
                            diff.removed(),
                            diff.unchanged(),
                            outcome.problems());
                }));
    }

    /** Replaces the ward's map whatever version is current. */
    public Mono<ZoneImport> replace(Caller caller, List<ZoneDraft> features) {
        return replace(caller, features, null);
    }

    /**
     * Checks every feature, then replaces the ward's map; a 422 listing every error leaves the old
     * map, and so does a 412 when {@code expectedVersion} is given and another import came first.
     * The ward's lock is taken first, so the checks see what the replacement replaces, and the new
     * map is valid from the moment the lock was held.
     */
    public Mono<ZoneImport> replace(Caller caller, List<ZoneDraft> features, @Nullable Long expectedVersion) {
        UUID ward = caller.wardId();
        Mono<ZoneImport> imported = versions.bump(ward).flatMap(change -> mapVersions
                .current(ward)
                .flatMap(version -> expectedVersion != null && !expectedVersion.equals(version)
                        ? Mono.error(ProblemException.preconditionFailed("Bản đồ của phường đã được thay đổi (nay là"
                                + " phiên bản " + version + ", tệp được xem trước với phiên bản " + expectedVersion
                                + "). Hãy xem trước tệp lại."))
                        : Mono.zip(
                                        wards.findById(ward),
                                        units.list(ward, null).collectList(),
                                        zones.current(ward).collectList())
                                // Checking thousands of polygons is CPU work: keep it off the event loop.
                                .publishOn(Schedulers.parallel())
                                .map(loaded -> {
                                    var checked = check(loaded.getT1().serviceArea(), loaded.getT2())
                                            .check(features);
                                    var diff = new ZoneDiff(properties.defaultSegmentBufferM())
                                            .between(loaded.getT3(), features);
                                    int segments = (int) checked.stream()
                                            .filter(zone -> zone.kind() == ZoneKind.SEGMENT)
                                            .count();
                                    var next = new ZoneVersion(
                                            version + 1,
                                            change.at(),
                                            null,
                                            caller.username(),
                                            checked.size() - segments,
                                            segments,
                                            diff.added().size(),
                                            diff.changed().size(),
                                            diff.removed().size());
                                    return new Checked(checked, next);
                                })
                                .flatMap(done -> zones.replace(ward, done.zones(), change.at())
                                        .then(mapVersions.record(ward, done.version(), caller))
                                        .thenReturn(new ZoneImport(
                                                done.version().version(),
                                                done.version().zones(),
                                                done.version().segments(),
                                                change.at())))));
        return transactions.transactional(imported).flatMap(done -> maps.reload(ward)
                .thenReturn(done));
    }

    private record Checked(List<ZoneStore.Checked> zones, ZoneVersion version) {}

    private ZoneFileCheck check(org.locationtech.jts.geom.Geometry serviceArea, List<Unit> units) {
        return new ZoneFileCheck(serviceArea, ZoneFileCheck.byCode(units), properties.defaultSegmentBufferM());
    }
}
