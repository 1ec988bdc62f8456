package vn.urbanorder.assignment;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import vn.urbanorder.ward.Ward;
import vn.urbanorder.ward.WardDirectory;

/**
 * Each ward's {@link WardMap}, loaded on first use and kept in memory. Every instance polls the
 * wards' versions and reloads a map whose version moved, so a change made through any instance
 * reaches all of them within the refresh interval; the instance that made it reloads at once.
 * Until a reload finishes, the previous map keeps answering.
 */
@Component
class WardMaps implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WardMaps.class);

    private final Map<UUID, Mono<WardMap>> maps = new ConcurrentHashMap<>();
    /** The version each reload put in place, so a slow reload never replaces a newer map. */
    private final Map<UUID, Long> reloadedVersions = new ConcurrentHashMap<>();

    private final WardDirectory wards;
    private final ZoneStore zones;
    private final UnitStore units;
    private final RuleStore rules;
    private final AssignmentVersions versions;
    private final AssignmentProperties properties;
    private volatile @Nullable Disposable polling;

    WardMaps(
            WardDirectory wards,
            ZoneStore zones,
            UnitStore units,
            RuleStore rules,
            AssignmentVersions versions,
            AssignmentProperties properties) {
        this.wards = wards;
        this.zones = zones;
        this.units = units;
        this.rules = rules;
        this.versions = versions;
        this.properties = properties;
    }

    Mono<WardMap> of(UUID wardId) {
        return maps.computeIfAbsent(wardId, this::cachedLoad);
    }

    /**
     * Loads the ward's map again now and serves it once loaded, unless a newer one got there
     * first; after a change this instance made, and when polling sees a new version.
     */
    Mono<Void> reload(UUID wardId) {
        Mono<WardMap> fresh = cachedLoad(wardId);
        return fresh.doOnNext(loaded -> reloadedVersions.compute(wardId, (id, served) -> {
                    if (served != null && served > loaded.version()) {
                        return served;
                    }
                    maps.put(wardId, fresh);
                    return loaded.version();
                }))
                .then();
    }

    private Mono<WardMap> cachedLoad(UUID wardId) {
        // Keeps a loaded map; a failed load is not kept, so the next report tries again.
        return load(wardId).cacheInvalidateIf(map -> false);
    }

    /**
     * The version is read before everything else: a change committed meanwhile then shows as a
     * newer version at the next poll, and the map is loaded again, never labelled newer than it is.
     */
    private Mono<WardMap> load(UUID wardId) {
        return versions.of(wardId).flatMap(version -> Mono.zip(
                        wards.findById(wardId),
                        zones.current(wardId).collectList(),
                        units.list(wardId, null).collectList(),
                        rules.list(wardId).collectList())
                // Building the trees is CPU work that grows with the map: off the event loop.
                .publishOn(Schedulers.parallel())
                .map(loaded -> new WardMap(
                        version, metresAround(loaded.getT1()), loaded.getT2(), loaded.getT3(), loaded.getT4())));
    }

    private static LocalMetres metresAround(Ward ward) {
        Point centre = ward.serviceArea().getCentroid();
        return new LocalMetres(centre.getY(), centre.getX());
    }

    /** Reloads every loaded map whose ward's version moved. */
    Mono<Void> refreshChanged() {
        return versions.all()
                .flatMapMany(current -> Flux.fromIterable(Map.copyOf(maps).entrySet())
                        .concatMap(entry -> entry.getValue()
                                .filter(map -> map.version() != current.getOrDefault(entry.getKey(), 0L))
                                .flatMap(stale -> reload(entry.getKey()))
                                .onErrorResume(failure -> {
                                    log.warn(
                                            "Could not reload the map of ward {}: {}",
                                            entry.getKey(),
                                            failure.toString());
                                    return Mono.empty();
                                })))
                .then();
    }

    @Override
    public void start() {
        Duration interval = properties.refreshInterval();
        polling = Flux.interval(interval)
                .onBackpressureDrop()
                // One check at a time; a check that hangs (a stalled connection) is given up, not waited for.
                .concatMap(
                        tick -> refreshChanged()
                                .timeout(interval.multipliedBy(5).plusSeconds(10))
                                .doOnError(failure ->
                                        log.warn("Could not check for changed ward maps: {}", failure.toString()))
                                .onErrorResume(failure -> Mono.empty()),
                        1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = polling;
        if (running != null) {
            running.dispose();
        }
        polling = null;
    }

    @Override
    public boolean isRunning() {
        return polling != null;
    }
}
