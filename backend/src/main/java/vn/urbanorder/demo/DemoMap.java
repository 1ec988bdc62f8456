package vn.urbanorder.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.urbanorder.assignment.ZoneDraft;
import vn.urbanorder.assignment.Zones;
import vn.urbanorder.identity.Caller;
import vn.urbanorder.identity.Role;

/**
 * The demo ward's map (profile "demo"): 16 tổ dân phố tiling Gia Thụy and 6 patrol segments,
 * imported through the same checks as any upload when the ward has none yet. Its units, their
 * staff and the rules come from the demo migration {@code R__demo_3_units.sql}.
 */
@Component
@Profile("demo")
public class DemoMap {

    private static final Logger log = LoggerFactory.getLogger(DemoMap.class);
    private static final UUID PROVINCE = UUID.fromString("a1000000-0000-4000-8000-000000000000");
    private static final UUID WARD = UUID.fromString("a1000000-0000-4000-8000-000000000001");
    private static final UUID ADMIN = UUID.fromString("a1000000-0000-4000-8000-000000000101");
    private static final String FILE = "demo/gia-thuy-zones.geojson";

    private final Mono<Void> ready;

    DemoMap(Zones zones, JsonMapper json) {
        Caller admin = new Caller(ADMIN, "admin", PROVINCE, WARD, "GT", Set.of(Role.WARD_ADMIN), null);
        this.ready = zones.at(admin, null)
                .flatMap(current -> !current.isEmpty()
                        ? Mono.empty()
                        : Mono.fromCallable(() -> features(json))
                                .subscribeOn(Schedulers.boundedElastic())
                                .flatMap(features -> zones.replace(admin, features))
                                .doOnNext(imported -> log.info(
                                        "Imported the demo map of Phường Gia Thụy: {} zones, {} segments",
                                        imported.zones(),
                                        imported.segments())))
                .onErrorResume(failure -> {
                    log.warn("Could not import the demo map: {}", failure.toString());
                    return Mono.empty();
                })
                .then()
                .cache();
    }

    /** Imports the map at start-up, whether or not the demo reports are wanted. */
    @EventListener(ApplicationReadyEvent.class)
    void importAtStart() {
        ready.subscribe();
    }

    /** Completes once the demo ward has its map; other demo data waits for it. */
    public Mono<Void> ready() {
        return ready;
    }

    private static List<ZoneDraft> features(JsonMapper json) {
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            List<ZoneDraft> drafts = new ArrayList<>();
            for (JsonNode feature : json.readTree(in).path("features")) {
                JsonNode properties = feature.path("properties");
                drafts.add(new ZoneDraft(
                        properties.path("code").asString(null),
                        properties.path("name").asString(null),
                        properties.path("kind").asString(null),
                        properties.path("unitCode").asString(null),
                        properties.has("bufferM") ? properties.path("bufferM").asDouble() : null,
                        feature.path("geometry")));
            }
            return drafts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
