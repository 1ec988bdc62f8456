package vn.urbanorder.console.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;
import vn.urbanorder.console.ConsoleApi;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.identity.Role;

/**
 * The ward's map: the page, and the API's GeoJSON feeds passed through as the signed-in person
 * (the browser holds no token). Only known parameters with checked values go on to the API.
 */
@Controller
class MapController {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** Enough for a ward seen whole; beyond it the map says that not everything is shown. */
    private static final int LIMIT = 2000;

    private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    private final ConsoleApi api;
    private final ConsoleCategories categories;
    private final ConsoleZones zones;

    MapController(ConsoleApi api, ConsoleCategories categories, ConsoleZones zones) {
        this.api = api;
        this.categories = categories;
        this.zones = zones;
    }

    @GetMapping("/console/map")
    Mono<Rendering> map(
            @RequestParam(required = false) @Nullable List<String> status,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable Boolean overdue,
            @RequestParam(required = false) @Nullable Boolean repeat,
            @RequestParam(required = false) @Nullable String zoneId,
            @RequestParam(required = false) @Nullable String segmentId) {
        ReportListFilter filter = ReportListFilter.of(status, category, overdue, repeat, zoneId, segmentId);
        return Mono.zip(Caller.current(), categories.names(), zones.current())
                .map(found -> Rendering.view("console/map")
                        .modelAttribute("categories", found.getT2())
                        .modelAttribute("wardMap", found.getT3())
                        .modelAttribute("filter", filter.model())
                        .modelAttribute("unitMap", found.getT1().has(Role.UNIT_STAFF))
                        .build());
    }

    /** Reports in the view, filtered like the queue; unit staff see their unit's. */
    @GetMapping("/console/map/reports.geojson")
    @ResponseBody
    Mono<ResponseEntity<String>> reports(
            @RequestParam(required = false) @Nullable String bbox,
            @RequestParam(required = false) @Nullable List<String> status,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable Boolean overdue,
            @RequestParam(required = false) @Nullable Boolean repeat,
            @RequestParam(required = false) @Nullable String zoneId,
            @RequestParam(required = false) @Nullable String segmentId) {
        ReportListFilter filter = ReportListFilter.of(status, category, overdue, repeat, zoneId, segmentId);
        return Caller.current()
                .flatMap(caller -> feed(uri -> {
                    filter.narrow(uri.path("/api/v1/reports.geojson")).queryParam("limit", LIMIT);
                    if (caller.has(Role.UNIT_STAFF)) {
                        uri.queryParam("unitId", "mine");
                    }
                    String box = bbox(bbox);
                    if (box != null) {
                        uri.queryParam("bbox", box);
                    }
                    return uri.build();
                }));
    }

    /** Repeat points (violation locations with repeat offences) in the view. */
    @GetMapping("/console/map/locations.geojson")
    @ResponseBody
    Mono<ResponseEntity<String>> locations(
            @RequestParam(required = false) @Nullable String bbox,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String zoneId) {
        return feed(uri -> {
            uri.path("/api/v1/locations.geojson").queryParam("repeat", true).queryParam("limit", LIMIT);
            String box = bbox(bbox);
            if (box != null) {
                uri.queryParam("bbox", box);
            }
            if (category != null && CODE.matcher(category).matches()) {
                uri.queryParam("category", category);
            }
            UUID zone = InspectorLists.idOrNull(zoneId);
            if (zone != null) {
                uri.queryParam("zoneId", zone);
            }
            return uri.build();
        });
    }

    /** The ward's zones and segments as they stand now. */
    @GetMapping("/console/map/zones.geojson")
    @ResponseBody
    Mono<ResponseEntity<String>> zones() {
        return feed(uri -> uri.path("/api/v1/zones").build());
    }

    /** The API's GeoJSON as it came (a few hundred kilobytes at most for a view), never cached. */
    private Mono<ResponseEntity<String>> feed(Function<UriBuilder, URI> uri) {
        return api.get(uri, String.class).map(body -> ResponseEntity.ok()
                .contentType(GEO_JSON)
                .cacheControl(CacheControl.noStore())
                .body(body));
    }

    /** Four numbers in WGS84 ranges, written anew (so nothing else rides along); anything else is ignored. */
    static @Nullable String bbox(@Nullable String bbox) {
        if (bbox == null) {
            return null;
        }
        String[] parts = bbox.split(",", -1);
        if (parts.length != 4) {
            return null;
        }
        double[] values = new double[4];
        try {
            for (int i = 0; i < 4; i++) {
                values[i] = Double.parseDouble(parts[i].strip());
            }
        } catch (NumberFormatException notNumbers) {
            return null;
        }
        double minLon = clamp(values[0], 180), minLat = clamp(values[1], 90);
        double maxLon = clamp(values[2], 180), maxLat = clamp(values[3], 90);
        if (!(minLon <= maxLon && minLat <= maxLat)) {
            return null;
        }
        return String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", minLon, minLat, maxLon, maxLat);
    }

    private static double clamp(double value, double limit) {
        return Double.isNaN(value) ? value : Math.max(-limit, Math.min(limit, value));
    }
}
