package vn.urbanorder.testing;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Points for test reports, each at least 30 m from every other one handed out in the run, so
 * that reports meant to be separate never join one violation location and turn into duplicates
 * of each other. Tests about locations choose their points themselves.
 */
public final class TestPoints {

    /** About 31 m of longitude and 33 m of latitude at Gia Thụy's latitude. */
    private static final double STEP = 0.0003;

    /**
     * Inside the demo ward and the fixtures' test wards (up to 105.8911, short of their eastern
     * edge at about 105.8916 on the grid's southern row), clear of the fixed points other tests use.
     */
    private static final Grid ANYWHERE = new Grid(21.0405, 105.8860, 14, 18);
    /** Inside tổ dân phố 9 of the demo map, clear of its patrol segments. */
    private static final Grid TDP09 = new Grid(21.0420, 105.8795, 9, 6);

    private TestPoints() {}

    public static double[] next() {
        return ANYWHERE.next();
    }

    public static double[] nextInTdp09() {
        return TDP09.next();
    }

    private record Grid(double lat, double lon, int rows, int columns, AtomicInteger used) {

        Grid(double lat, double lon, int rows, int columns) {
            this(lat, lon, rows, columns, new AtomicInteger());
        }

        double[] next() {
            int index = used.getAndIncrement();
            if (index >= rows * columns) {
                throw new IllegalStateException("More test points asked for than the grid holds: make it larger");
            }
            return new double[] {lat + (index / columns) * STEP, lon + (index % columns) * STEP};
        }
    }
}
