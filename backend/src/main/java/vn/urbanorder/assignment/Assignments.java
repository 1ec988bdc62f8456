package vn.urbanorder.assignment;

import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import vn.urbanorder.shared.GeoPoint;

/** Decides which unit gets a report, from the ward's map in memory. */
@Service
public class Assignments {

    private final WardMaps maps;

    Assignments(WardMaps maps) {
        this.maps = maps;
    }

    /** The zone, segment, unit and rule for a report of this category at this point. */
    public Mono<Assignment> decide(UUID wardId, String category, GeoPoint point) {
        return maps.of(wardId).map(map -> map.decide(category, point));
    }
}
