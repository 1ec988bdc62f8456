package vn.urbanorder.assignment;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
    private final WardDirectory wards;
    private final ZoneStore zones;
    private final UnitStore units;
    private final RuleStore rules;
    private final AssignmentVersions versions;
    private final AssignmentProperties properties;
    private volatile Disposable polling;

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

    /** Loads the ward's map again now, and serves it once loaded; after a change this instance made. */
    Mono<Void> reload(UUID wardId) {
        Mono<WardMap> fresh = cachedLoad(wardId);
        return fresh.doOnNext(loaded -> maps.put(wardId, fresh)).then();
    }

    private Mono<WardMap> cachedLoad(UUID wardId) {
        // Keeps a loaded map; a failed load is not kept, so the next report tries again.
        return load(wardId).cacheInvalidateIf(map -> false);
    }

    private Mono<WardMap> load(UUID wardId) {
        return Mono.zip(
                        versions.of(wardId),
                        wards.findById(wardId),
                        zones.current(wardId).collectList(),
                        units.list(wardId, null).collectList(),
                        rules.list(wardId).collectList())
                // Building the trees is CPU work that grows with the ward's map: keep it off the event loop.
                .publishOn(Schedulers.parallel())
                .map(loaded -> new WardMap(
                        loaded.getT1(), metresAround(loaded.getT2()), loaded.getT3(), loaded.getT4(), loaded.getT5()));
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
                                .onErrorResume(failure -> Mono.empty())))
                .then();
    }

    @Override
    public void start() {
        polling = Flux.interval(properties.refreshInterval())
                .onBackpressureDrop()
                .concatMap(tick -> refreshChanged()
                        .doOnError(failure -> log.warn("Could not check for changed ward maps: {}", failure.toString()))
                        .onErrorResume(failure -> Mono.empty()))
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
