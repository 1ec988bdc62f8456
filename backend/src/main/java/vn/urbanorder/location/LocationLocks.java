package vn.urbanorder.location;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.urbanorder.shared.AdvisoryLocks;
import vn.urbanorder.shared.GeoPoint;
import vn.urbanorder.shared.Proximity;

/**
 * The locks under which a ward's locations of one category change, held to the end of the
 * transaction. The ward's map is cut into cells of {@link #CELL_DEGREES}; intake locks every cell
 * its search box touches, a change to a report at a location locks the cell of the location's
 * anchor. Two reports that could meet the same anchor, or start anchors within reach of each other,
 * lie within two radii of each other, so their boxes share a point and both lock that point's cell:
 * one waits for the other. Reports far apart go on in parallel. Every holder of a cell lock also
 * holds the ward and category's lock in shared mode, which a rebuild takes alone.
 */
@Component
class LocationLocks {

    /** About 110 m of latitude and 100 m of longitude at Vietnam's latitudes. */
    static final double CELL_DEGREES = 0.001;

    private final AdvisoryLocks locks;

    LocationLocks(AdvisoryLocks locks) {
        this.locks = locks;
    }

    /** For intake: every cell the search box around the point touches. */
    Mono<Void> around(UUID wardId, String category, GeoPoint point, double radiusM) {
        Proximity.Box box = Proximity.around(point, radiusM);
        List<Cell> cells = new ArrayList<>();
        for (long x = cell(box.minLon()); x <= cell(box.maxLon()); x++) {
            for (long y = cell(box.minLat()); y <= cell(box.maxLat()); y++) {
                cells.add(new Cell(wardId, category, x, y));
            }
        }
        return withCells(wardId, category, cells);
    }

    /** For a change to a report at a location: the cell of the location's anchor. */
    Mono<Void> at(UUID wardId, String category, GeoPoint anchor) {
        return withCells(wardId, category, List.of(new Cell(wardId, category, cell(anchor.lon()), cell(anchor.lat()))));
    }

    /** For a rebuild: the ward's locations of the category, all of them, alone. */
    Mono<Void> all(UUID wardId, String category) {
        return locks.lock(AdvisoryLocks.Space.VIOLATION_LOCATIONS, wardId + "|" + category);
    }

    /**
     * The ward and category's lock in shared mode and the cells', in one statement. Whichever comes
     * first, no wait can go round in a circle: a rebuild, the only holder of the ward's lock alone,
     * never asks for a cell.
     */
    private Mono<Void> withCells(UUID wardId, String category, List<Cell> cells) {
        return locks.lockSharedAndAll(
                AdvisoryLocks.Space.VIOLATION_LOCATIONS,
                wardId + "|" + category,
                AdvisoryLocks.Space.VIOLATION_LOCATION_CELL,
                cells);
    }

    private static long cell(double degrees) {
        return (long) Math.floor(degrees / CELL_DEGREES);
    }

    /** Hashed the way {@link Objects#hash} specifies, so every instance, on any JDK, names a cell alike. */
    private record Cell(UUID wardId, String category, long x, long y) {
        @Override
        public int hashCode() {
            return Objects.hash(wardId, category, x, y);
        }
    }
}
