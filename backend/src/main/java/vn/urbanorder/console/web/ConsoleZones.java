package vn.urbanorder.console.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.urbanorder.console.ApiProblem;
import vn.urbanorder.console.ConsoleApi;
import vn.urbanorder.identity.Caller;

/**
 * The zones (tổ dân phố) and patrol segments of the caller's ward as the filters list them, from
 * the API's map. Every signed-in person of a ward sees the same map, so it is kept a minute per
 * ward (one entry per ward, no more than the deployment has) instead of asked for on every page;
 * a new map shows within that minute. A failed answer is not kept.
 */
@Component
public class ConsoleZones {

    private static final Duration KEPT = Duration.ofMinutes(1);

    /** A zone or segment of the ward's current map. */
    record Zone(String id, String code, String name, String kind) {

        boolean segment() {
            return kind.equals("SEGMENT");
        }
    }

    /** The ward's current zones, then its segments. */
    record WardMap(List<Zone> zones, List<Zone> segments) {

        static final WardMap NONE = new WardMap(List.of(), List.of());

        List<Zone> all() {
            return java.util.stream.Stream.concat(zones.stream(), segments.stream())
                    .toList();
        }
    }

    private final ConsoleApi api;
    private final Map<UUID, Mono<WardMap>> byWard = new ConcurrentHashMap<>();

    ConsoleZones(ConsoleApi api) {
        this.api = api;
    }

    /** The signed-in person's ward's map; empty lists when the API cannot be reached (the filters then offer none). */
    Mono<WardMap> current() {
        return Caller.current()
                .flatMap(caller -> byWard.computeIfAbsent(caller.wardId(), ward -> fetch()))
                .onErrorResume(ApiProblem.class, unavailable -> Mono.just(WardMap.NONE));
    }

    /** Forgets the signed-in person's ward's map (it has just been replaced): the next page asks anew. */
    public Mono<Void> forget() {
        return Caller.current()
                .doOnNext(caller -> byWard.remove(caller.wardId()))
                .then();
    }

    /**
     * Asked as whoever first needs it after the minute ran out: any person of the ward gets the same
     * answer. Read as plain JSON (the filters need no geometry).
     */
    @SuppressWarnings("unchecked")
    private Mono<WardMap> fetch() {
        return api.get(uri -> uri.path("/api/v1/zones").build(), Map.class)
                .map(collection -> {
                    List<Zone> all = collection.get("features") instanceof List<?> features
                            ? features.stream()
                                    .filter(Map.class::isInstance)
                                    .map(feature -> zone((Map<String, Object>) feature))
                                    .toList()
                            : List.of();
                    return new WardMap(
                            all.stream().filter(z -> !z.segment()).toList(),
                            all.stream().filter(Zone::segment).toList());
                })
                .cache(found -> KEPT, failed -> Duration.ZERO, () -> Duration.ZERO);
    }

    @SuppressWarnings("unchecked")
    private static Zone zone(Map<String, Object> feature) {
        Map<String, Object> properties =
                feature.get("properties") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
        return new Zone(
                String.valueOf(feature.getOrDefault("id", "")),
                String.valueOf(properties.getOrDefault("code", "")),
                String.valueOf(properties.getOrDefault("name", "")),
                String.valueOf(properties.getOrDefault("kind", "")));
    }
}
