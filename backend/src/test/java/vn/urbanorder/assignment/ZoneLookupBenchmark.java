package vn.urbanorder.assignment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import vn.urbanorder.shared.GeoPoint;

/**
 * Point-in-zone lookup (issue 5: median ≤ 20 µs against 10,000 zones). A square ward tiled by
 * {@code zones} square zones, crossed by a segment along every tenth row, with a category rule
 * and a default; each call decides one report at a random point. Run with
 * {@code infra/bench/zones/run.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ZoneLookupBenchmark {

    private static final double ORIGIN_LAT = 21.03;
    private static final double ORIGIN_LON = 105.87;
    /** About 30 m of latitude and of longitude at this latitude. */
    private static final double CELL = 0.00028;

    @Param({"100", "10000"})
    int zones;

    private WardMap map;
    private GeoPoint[] points;
    private int next;

    @Setup
    public void buildTheMap() {
        int side = (int) Math.round(Math.sqrt(zones));
        List<Zone> areas = new ArrayList<>();
        for (int row = 0; row < side; row++) {
            for (int column = 0; column < side; column++) {
                areas.add(square(row, column));
            }
            if (row % 10 == 0) {
                areas.add(segment(row, side));
            }
        }
        List<Unit> units = List.of(
                new Unit(UUID.randomUUID(), UUID.randomUUID(), "VSMT", "Tổ VSMT", UnitKind.SANITATION, null, true),
                new Unit(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        "TTDT",
                        "Đội TTĐT",
                        UnitKind.URBAN_ORDER_TEAM,
                        null,
                        true));
        List<AssignmentRule> rules = List.of(
                new AssignmentRule(null, null, "SANITATION", "VSMT"), new AssignmentRule(null, null, null, "TTDT"));
        map = new WardMap(1, new LocalMetres(ORIGIN_LAT, ORIGIN_LON), areas, units, rules);
        Random random = new Random(42);
        points = new GeoPoint[4096];
        for (int i = 0; i < points.length; i++) {
            points[i] = new GeoPoint(
                    ORIGIN_LAT + random.nextDouble() * side * CELL, ORIGIN_LON + random.nextDouble() * side * CELL);
        }
    }

    @Benchmark
    public Assignment decide() {
        GeoPoint point = points[next++ & (points.length - 1)];
        return map.decide("SANITATION", point);
    }

    private static Zone square(int row, int column) {
        double south = ORIGIN_LAT + row * CELL;
        double west = ORIGIN_LON + column * CELL;
        String ring = "[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]"
                .formatted(west, south, west + CELL, south, west + CELL, south + CELL, west, south + CELL, west, south);
        String code = "Z" + row + "_" + column;
        return new Zone(
                UUID.randomUUID(),
                code,
                code,
                ZoneKind.ZONE,
                null,
                null,
                "{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}",
                Instant.EPOCH);
    }

    private static Zone segment(int row, int side) {
        double lat = ORIGIN_LAT + (row + 0.5) * CELL;
        String line = "[[%s,%s],[%s,%s]]".formatted(ORIGIN_LON, lat, ORIGIN_LON + side * CELL, lat);
        return new Zone(
                UUID.randomUUID(),
                "S" + row,
                "S" + row,
                ZoneKind.SEGMENT,
                "TTDT",
                15.0,
                "{\"type\":\"LineString\",\"coordinates\":" + line + "}",
                Instant.EPOCH);
    }
}
